// A teacher's own questions: a GIFT file from Moodle with questions Kafaa can ask and some it
// cannot is imported (in French, as hard questions), every left-out question is named by its
// line, nothing is added twice, one is deleted, the rest survive a reload; exporting them to
// GIFT and importing that file again adds nothing (a round trip); a Moodle XML and an Aiken
// file are read too; and one of Kafaa's domains is exported in Arabic to Moodle XML.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, openPage, assertAccessible, CATALOGS, fill, downloaded, INDEX, domainTitle, takeSessionQuiz } from './support.mjs';
import { readFileSync } from 'node:fs';
import validation from '@learninglocker/xapi-validation';

// A CommonJS module built from TypeScript: the function is its `default` export. It throws on
// an invalid statement.
const validate = validation.default;

const en = CATALOGS.en;
let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const plural = (forms, n) => fill(n === 1 ? forms.one : forms.other, { n });
/** Waits until the list of the teacher's questions shows exactly `n` (it may render after the heading). */
async function listed(page, n) {
  await page.waitForFunction((n) => document.querySelectorAll('ul.own-questions > li').length === n, n);
}

const GIFT = `// From Moodle's question bank export
$CATEGORY: $course$/top/Réseaux

::Port::Quel port utilise HTTPS ? {=443 ~80 ~21####443 par défaut.}

::DNS::Le DNS traduit les noms en adresses. {T}

::Verbes::Quels verbes HTTP lisent sans modifier ? {~%50%GET ~%50%HEAD ~%-100%DELETE}

::Couches::Associez chaque protocole à sa couche. {=IP -> Réseau =TCP -> Transport = -> Physique}

::Court::Nommez un protocole de transport. {=TCP =UDP}

::Essai::Expliquez le routage. {}

::Ouvert::Une accolade {=a ~b
`;

async function upload(page, name, text) {
  await page.locator('#quiz-file').setInputFiles({ name, mimeType: 'text/plain', buffer: Buffer.from(text) });
}

test('a teacher brings questions from Moodle, keeps them and sends them back', async () => {
  const page = await openPage(env);
  await page.goto(env.origin + '/classroom.html#/classroom');
  await page.getByRole('link', { name: en.questions_link }).click();
  await page.getByRole('heading', { name: en.questions_title, level: 1 }).waitFor();
  await page.getByText(en.questions_none).first().waitFor();
  await assertAccessible(page, 'my questions, empty');

  await page.locator('#questions-language').selectOption('fr');
  await page.locator('#questions-difficulty').selectOption('hard');
  await upload(page, 'reseaux.gift.txt', GIFT);
  const report = page.locator('.quiz-file-report');
  await report.getByText(plural(en.questions_added, 4)).waitFor();
  assert.ok(await report.getByText(fill(en.questions_read, { file: 'reseaux.gift.txt', format: 'GIFT' })).isVisible());
  await report.getByText(plural(en.questions_skipped, 3)).waitFor();
  const at = (line, what) => fill(en.questions_at_line, { line, what });
  const skipped = await report.locator('ul.skipped > li').allInnerTexts();
  assert.deepEqual(skipped, [
    at(12, `Court — ${fill(en.reason_unsupported, { type: 'shortanswer' })}`),
    at(14, `Essai — ${fill(en.reason_unsupported, { type: 'essay' })}`),
    at(16, `Ouvert — ${en.reason_malformed}`),
  ]);
  assert.deepEqual(await report.locator('ul.noted > li').allInnerTexts(), [at(8, en.note_all_or_nothing)]);

  const cards = page.locator('ul.own-questions > li');
  await listed(page, 4);
  const first = await cards.first().innerText();
  assert.match(first, /Quel port utilise HTTPS \?/);
  assert.match(first, new RegExp(`${en.question_types[0]} · Français · ${en.difficulty[2]}`));
  await assertAccessible(page, 'my questions, imported');

  // The same file again adds nothing.
  await upload(page, 'reseaux.gift.txt', GIFT);
  await report.getByText(plural(en.questions_already, 4)).waitFor();
  await listed(page, 4);

  // One deleted, by keyboard; the rest survive a reload.
  await page.getByRole('button', { name: `${en.questions_delete}: Le DNS traduit les noms en adresses.` }).focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelectorAll('ul.own-questions > li').length === 3);
  await page.reload();
  await page.getByRole('heading', { name: en.questions_title, level: 1 }).waitFor();
  await listed(page, 3);

  // Exported to GIFT in French, then imported again: the same questions, nothing added.
  await page.locator('#export-language').selectOption('fr');
  const gift = await downloaded(page, en.questions_gift);
  assert.equal(gift.name, 'my-questions-fr.gift.txt');
  assert.match(gift.text, /\$CATEGORY: \$course\$\/top\/Réseaux/);
  assert.match(gift.text, /\[plain\]Quel port utilise HTTPS \?\{\n=443\n~80\n~21\n####443 par défaut.\n\}/);
  await page.locator('#questions-language').selectOption('fr');
  await upload(page, gift.name, gift.text);
  await report.getByText(plural(en.questions_already, 3)).waitFor();
  await report.getByText(plural(en.questions_added, 0)).waitFor();
  const xml = await downloaded(page, en.questions_xml);
  assert.equal((xml.text.match(/<question type="(?!category)/g) || []).length, 3);

  // Moodle XML and Aiken files, in English.
  await page.locator('#questions-language').selectOption('en');
  await upload(page, 'quiz.xml', readFileSync(new URL('./fixtures/moodle.xml', import.meta.url), 'utf8'));
  await report.getByText(fill(en.questions_read, { file: 'quiz.xml', format: 'Moodle XML' })).waitFor();
  await report.getByText(plural(en.questions_added, 2)).waitFor();
  await report.getByText(at(15, fill(en.reason_unsupported, { type: 'essay' }))).waitFor();
  await upload(page, 'aiken.txt', 'Which tag makes a link?\nA. <a>\nB. <p>\nC. <div>\nANSWER: A\n');
  await report.getByText(fill(en.questions_read, { file: 'aiken.txt', format: 'Aiken' })).waitFor();
  await report.getByText(plural(en.questions_added, 1)).waitFor();
  await listed(page, 6);
  // Markup in a file is text, never markup in the page.
  assert.equal(await page.locator('ul.own-questions script, ul.own-questions b').count(), 0);
  await page.getByText('Which tag makes a link?').waitFor();
});

test("one of Kafaa's domains goes to Moodle in Arabic", async () => {
  const page = await openPage(env);
  await page.goto(env.origin + '/questions.html#/questions');
  await page.getByRole('heading', { name: en.questions_title, level: 1 }).waitFor();
  await page.locator('#export-source').selectOption('networks');
  await page.locator('#export-language').selectOption('ar');
  const xml = await downloaded(page, en.questions_xml);
  assert.equal(xml.name, 'kafaa-networks-ar.xml');
  const entry = INDEX.domains.find((d) => d.id === 'networks');
  const items = JSON.parse(readFileSync(new URL(`../../static/content/${entry.file}`, import.meta.url), 'utf8')).items;
  assert.equal((xml.text.match(/<question type="(?!category)/g) || []).length, items.length);
  assert.ok(xml.text.includes(items[0].stem.ar.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')));
  const orderings = items.filter((i) => i.type === 'ordering').length;
  const gift = await downloaded(page, en.questions_gift);
  assert.equal((gift.text.match(/^::/gm) || []).length, items.length - orderings);
  if (orderings > 0) await page.getByText(plural(en.questions_left_out, orderings)).waitFor();
  assert.ok(domainTitle('networks'));
});

const GIFT_EN = `$CATEGORY: Networks

::Port::Which port does HTTPS use by default? {=443 ~80 ~21}

::Loopback::127.0.0.1 is the loopback address. {T}

::Private::Which ranges are private? {~%50%10.0.0.0/8 ~%50%192.168.0.0/16 ~%-100%8.8.8.0/24}

::Layers::Match each protocol to its layer. {=IP -> Network =TCP -> Transport =HTTP -> Application}

::Mask::How many bits does a /24 mask set? {#24}
`;
const ORDERING_XML = `<?xml version="1.0" encoding="UTF-8"?>
<quiz><question type="ordering"><name><text>Handshake</text></name>
<questiontext format="html"><text>Put the TCP handshake in order.</text></questiontext>
<answer fraction="1"><text>SYN</text></answer><answer fraction="2"><text>SYN-ACK</text></answer><answer fraction="3"><text>ACK</text></answer>
</question></quiz>`;

test("a session on the teacher's own questions: two students, one in Arabic; codes, CSV and xAPI", async () => {
  const teacher = await openPage(env);
  await teacher.goto(env.origin + '/questions.html#/questions');
  await teacher.getByRole('heading', { name: en.questions_title, level: 1 }).waitFor();
  await teacher.locator('#questions-language').selectOption('en');
  await upload(teacher, 'networks.gift', GIFT_EN);
  await teacher.locator('.quiz-file-report').getByText(plural(en.questions_added, 4)).waitFor();
  await teacher.locator('.quiz-file-report').getByText(fill(en.questions_at_line, { line: 11, what: `Mask — ${fill(en.reason_unsupported, { type: 'numerical' })}` })).waitFor();
  await upload(teacher, 'handshake.xml', ORDERING_XML);
  await teacher.locator('.quiz-file-report').getByText(plural(en.questions_added, 1)).waitFor();
  // One edited before the session: students get it as edited.
  await teacher.getByRole('link', { name: `${en.questions_edit}: Which port does HTTPS use by default?` }).click();
  await teacher.locator('#stem-en').fill('Which port does an HTTPS server listen on by default?');
  await teacher.getByRole('button', { name: en.editor_save }).click();
  await teacher.getByText(en.editor_saved).waitFor();
  const own = JSON.parse(await teacher.evaluate(() => localStorage.getItem('kafaa.questions')));
  const items = Object.fromEntries(own.items.map((i) => [i.id, i]));
  assert.deepEqual(own.items.map((i) => i.type).sort(), ['matching', 'multiple_select', 'ordering', 'single_choice', 'true_false']);
  assert.ok(own.items.some((i) => i.stem.en === 'Which port does an HTTPS server listen on by default?'));

  // A fixed form of all five, in English or Arabic.
  await teacher.goto(env.origin + '/classroom.html#/classroom');
  await teacher.locator('#session-title').fill('Réseaux — mes questions');
  await teacher.locator('#session-mode-fixed').check();
  await teacher.locator('#session-domain-mine').check();
  await teacher.locator('#session-items').fill('5');
  await teacher.locator('#session-lang-ar').check();
  await teacher.getByRole('button', { name: en.classroom_create }).click();
  await teacher.getByRole('heading', { name: 'Réseaux — mes questions', level: 1 }).waitFor();
  const link = await teacher.locator('#session-link').inputValue();
  assert.match(link, /classroom\.html#\/join\/z[A-Za-z0-9_-]+$/, 'the questions travel deflated in the link');
  assert.ok(link.length < 2900, `${link.length} characters`);
  await teacher.locator('svg.qr').waitFor();
  await assertAccessible(teacher, 'session on own questions');

  const students = [
    { name: 'Amina', right: () => true },
    { name: 'ياسمين', right: (n) => n % 2 === 1, arabic: true },
  ];
  for (const s of students) {
    const page = await openPage(env);
    await page.goto(link);
    await page.locator('#join-name').waitFor();
    if (s.arabic) {
      await page.locator('#join-language').selectOption('ar');
      await page.getByRole('heading', { name: CATALOGS.ar.join_title }).waitFor();
    }
    await page.locator('#join-name').fill(s.name);
    await page.locator('form button[type=submit]').click();
    // A reload mid-quiz keeps the teacher's questions: they are kept with the attempt.
    await page.locator('fieldset.question').waitFor();
    await page.reload();
    await page.locator('fieldset.question').waitFor();
    if (s.arabic) assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
    s.seen = [];
    s.code = await takeSessionQuiz(page, 5, s.right, (id) => items[id], s.seen);
    // The history (another document, without the session's questions) shows no level it
    // cannot back: none for the teacher's questions.
    await page.goto(env.origin + '/careers.html#/history');
    await page.locator('table.history tbody tr').first().waitFor();
    assert.equal(await page.locator('table.history .history-level').count(), 0);
    assert.ok(!(await page.locator('table.history').innerText()).includes('mine'));
    page.assertClean();
    await page.context().close();
  }

  assert.ok(students.every((s) => s.seen.some((t) => t.includes('Which port does an HTTPS server listen on by default?'))));
  await teacher.locator('#codes').fill(students.map((s) => s.code).join('\n'));
  await teacher.getByRole('button', { name: en.import_button }).click();
  const rows = teacher.locator('table.heatmap tbody tr');
  await rows.nth(1).waitFor();
  const scores = Object.fromEntries(await rows.evaluateAll((trs) => trs.map((tr) => [tr.querySelector('th').textContent, tr.querySelector('td.score').textContent])));
  assert.deepEqual(scores, { Amina: '5/5 (100%)', 'ياسمين': '3/5 (60%)' });
  assert.equal(await teacher.locator('table.items tbody tr').count(), 5);
  assert.equal(await teacher.locator('table.heatmap .mismatch').count(), 0, 'honest codes match their session');
  await assertAccessible(teacher, 'dashboard on own questions');

  const csv = (await downloaded(teacher, en.dashboard_csv_students)).text;
  const lines = csv.slice(1).trim().split('\r\n').map((l) => l.split(','));
  assert.deepEqual(lines.slice(1).map((l) => [l[0], ...l.slice(-4, -1)]), [['Amina', '5', '5', '100'], ['ياسمين', '3', '5', '60']]);

  // xAPI: every statement valid by Learning Locker's own validator.
  const { name, text } = await downloaded(teacher, en.dashboard_xapi);
  assert.match(name, /^kafaa-[0-9a-f]{16}-xapi\.json$/);
  const statements = JSON.parse(text);
  const verbs = statements.map((s) => s.verb.id.split('/').pop());
  assert.equal(verbs.filter((v) => v === 'answered').length, 10);
  assert.equal(verbs.filter((v) => v === 'completed').length, 2);
  for (const st of statements) validate(st);
  const completed = statements.filter((s) => s.verb.id.endsWith('completed'));
  assert.deepEqual(completed.map((s) => [s.actor.name, s.result.score.raw, s.result.score.max]), [['Amina', 5, 5], ['ياسمين', 3, 5]]);
  assert.ok(statements.every((s) => s.actor.account.homePage === env.origin));

  // Item analysis feeds back: a flagged question of the teacher's opens in the editor.
  const flagged = teacher.locator('table.items tbody tr.flagged');
  assert.ok(await flagged.count() > 0);
  await flagged.first().getByRole('link', { name: en.dashboard_edit_item }).click();
  await teacher.getByRole('heading', { name: en.editor_edit_title, level: 1 }).waitFor();
  assert.notEqual(await teacher.locator('#stem-en').inputValue(), '');
});

test('a teacher writes, translates, previews and duplicates questions in the editor', async () => {
  const page = await openPage(env);
  await page.goto(env.origin + '/questions.html#/questions');
  await page.getByRole('heading', { name: en.questions_title, level: 1 }).waitFor();
  await page.locator('#questions-language').selectOption('en');
  await upload(page, 'port.gift', '$CATEGORY: Web\n\n::Port::Which port does HTTPS use? {=443 ~80 ~21####443 by default.}');
  await page.locator('.quiz-file-report').getByText(plural(en.questions_added, 1)).waitFor();

  // Edit it: a French translation of the text only cannot be saved, and says what is missing.
  await page.getByRole('link', { name: `${en.questions_edit}: Which port does HTTPS use?` }).click();
  await page.getByRole('heading', { name: en.editor_edit_title, level: 1 }).waitFor();
  assert.equal(await page.locator('#stem-en').inputValue(), 'Which port does HTTPS use?');
  assert.equal(await page.locator('#editor-category').inputValue(), 'Web');
  assert.ok(await page.locator('#right-0').isChecked());
  await page.locator('#editor-lang-fr').check();
  await page.locator('#stem-fr').fill('Quel port utilise HTTPS ?');
  await page.getByRole('button', { name: en.editor_save }).click();
  const alert = page.locator('.question-editor [role=alert]');
  await alert.getByText(en.editor_invalid).waitFor();
  assert.match(await alert.innerText(), /items\[0\]\.options\[0\]\.text/);
  for (const [i, t] of ['443', '80', '21'].entries()) await page.locator(`#option-${i}-fr`).fill(t);
  await page.locator('#explanation-fr').fill('443 par défaut.');
  await page.locator('#stem-en').fill('Which port does HTTPS use by default?');
  await page.getByRole('button', { name: en.editor_save }).click();
  await page.getByText(en.editor_saved).waitFor();
  assert.equal(await alert.count(), 0);
  // The preview, as a student sees it, in each of its languages.
  await page.locator('.preview fieldset.question').getByText('Which port does HTTPS use by default?').waitFor();
  await page.locator('#preview-language').selectOption('fr');
  await page.locator('.preview [lang=fr] fieldset.question').getByText('Quel port utilise HTTPS ?').waitFor();
  await page.locator('.preview input[value=b]').check();
  await assertAccessible(page, 'question editor');

  // A new ordering question, by keyboard where it matters.
  await page.getByRole('link', { name: en.editor_back }).click();
  await page.getByRole('link', { name: en.questions_new }).click();
  await page.getByRole('heading', { name: en.editor_new_title, level: 1 }).waitFor();
  await page.locator('#editor-kind-3').check();
  await page.locator('#stem-en').fill('Put the TCP handshake in order.');
  for (const [i, t] of ['SYN', 'SYN-ACK', 'ACK'].entries()) await page.locator(`#option-${i}-en`).fill(t);
  await page.locator('#editor-difficulty').selectOption('hard');
  await page.getByRole('button', { name: en.editor_save }).click();
  await page.getByText(en.editor_saved).waitFor();
  await page.waitForURL(/#\/questions\/my-[0-9a-f]+$/);
  await page.locator('.preview ol.ordering li').nth(2).waitFor();
  assert.equal(await page.locator('.preview ol.ordering li').count(), 3);

  // Back to the list: duplicate the first; three questions, the copy an exact one.
  await page.getByRole('link', { name: en.editor_back }).click();
  await listed(page, 2);
  await page.getByRole('button', { name: `${en.questions_duplicate}: Which port does HTTPS use by default?` }).click();
  await page.getByText(en.questions_duplicated).waitFor();
  await listed(page, 3);
  const own = JSON.parse(await page.evaluate(() => localStorage.getItem('kafaa.questions')));
  assert.deepEqual(own.items.map((i) => [i.type, i.difficulty, Object.keys(i.stem).sort().join()]), [
    ['single_choice', 'medium', 'en,fr'], ['ordering', 'hard', 'en'], ['single_choice', 'medium', 'en,fr'],
  ]);
  assert.equal(own.items[2].id, `${own.items[0].id}-2`);
  assert.deepEqual({ ...own.items[2], id: '' }, { ...own.items[0], id: '' });
  assert.deepEqual(own.items[1].answer, ['a', 'b', 'c']);
  page.assertClean();
});

test('a session whose link is too long for a QR code goes with a session file', async () => {
  const teacher = await openPage(env);
  await teacher.goto(env.origin + '/questions.html#/questions');
  await teacher.getByRole('heading', { name: en.questions_title, level: 1 }).waitFor();
  await teacher.locator('#questions-language').selectOption('en');
  // Texts that do not compress away: a link of 150 such questions is far past a QR code's room.
  const word = (i, k) => ((i * 7919 + k * 104729) ** 2 % 2147483647).toString(36);
  const many = Array.from({ length: 150 }, (_, i) =>
    `::Q${i}::Which host answers to ${word(i, 1)}.${word(i, 2)}? {=${word(i, 3)} ~${word(i, 4)} ~${word(i, 5)}}`).join('\n\n');
  await upload(teacher, 'many.gift', many);
  await teacher.locator('.quiz-file-report').getByText(plural(en.questions_added, 150)).waitFor();
  await teacher.goto(env.origin + '/classroom.html#/classroom');
  await teacher.locator('#session-title').fill('Labo');
  await teacher.locator('#session-mode-fixed').check();
  await teacher.locator('#session-domain-mine').check();
  await teacher.locator('#session-items').fill('2');
  await teacher.getByRole('button', { name: en.classroom_create }).click();
  await teacher.getByRole('heading', { name: 'Labo', level: 1 }).waitFor();
  const link = await teacher.locator('#session-link').inputValue();
  assert.ok(link.length > 2900);
  await teacher.getByText(fill(en.session_too_long_for_qr, { n: link.length })).waitFor();
  // The one QR code leads to where the file is opened.
  await teacher.getByRole('img', { name: en.join_open_file }).waitFor();
  const file = await downloaded(teacher, en.session_file);

  const student = await openPage(env);
  await student.goto(env.origin + '/classroom.html#/join');
  await student.locator('#session-file').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"hello":1}') });
  await student.getByText(en.join_file_invalid).waitFor();
  await student.locator('#session-file').setInputFiles({ name: file.name, mimeType: 'application/json', buffer: Buffer.from(file.text) });
  await student.locator('#join-name').fill('Omar');
  await student.getByText('Labo').first().waitFor();
  await assertAccessible(student, 'joined from a session file');
  student.assertClean();
});
