// A teacher's own questions: a GIFT file from Moodle with questions Kafaa can ask and some it
// cannot is imported (in French, as hard questions), every left-out question is named by its
// line, nothing is added twice, one is deleted, the rest survive a reload; exporting them to
// GIFT and importing that file again adds nothing (a round trip); a Moodle XML and an Aiken
// file are read too; and one of Kafaa's domains is exported in Arabic to Moodle XML.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, openPage, assertAccessible, CATALOGS, fill, downloaded, INDEX, domainTitle } from './support.mjs';
import { readFileSync } from 'node:fs';

const en = CATALOGS.en;
let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const plural = (forms, n) => fill(n === 1 ? forms.one : forms.other, { n });

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
  assert.equal(await cards.count(), 4);
  const first = await cards.first().innerText();
  assert.match(first, /Quel port utilise HTTPS \?/);
  assert.match(first, new RegExp(`${en.question_types[0]} · Français · ${en.difficulty[2]}`));
  await assertAccessible(page, 'my questions, imported');

  // The same file again adds nothing.
  await upload(page, 'reseaux.gift.txt', GIFT);
  await report.getByText(plural(en.questions_already, 4)).waitFor();
  assert.equal(await cards.count(), 4);

  // One deleted, by keyboard; the rest survive a reload.
  await page.getByRole('button', { name: `${en.questions_delete}: Le DNS traduit les noms en adresses.` }).focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelectorAll('ul.own-questions > li').length === 3);
  await page.reload();
  await page.getByRole('heading', { name: en.questions_title, level: 1 }).waitFor();
  assert.equal(await cards.count(), 3);

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
  assert.equal(await cards.count(), 6);
  // Markup in a file is text, never markup in the page.
  assert.equal(await page.locator('ul.own-questions script, ul.own-questions b').count(), 0);
  await page.getByText('Which tag makes a link?').waitFor();
});

test("one of Kafaa's domains goes to Moodle in Arabic", async () => {
  const page = await openPage(env);
  await page.goto(env.origin + '/classroom.html#/questions');
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
