// A classroom session with no server: a teacher creates a session; three students, each in a
// browser of their own (one in Arabic), take it from its link and hand back result codes; the
// teacher imports them (pasted, duplicated, damaged, from a file), sees the class dashboard,
// and the CSV and the anonymous answers match; a counselor opens one result with the session key.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, openPage, assertAccessible, takeSessionQuiz, tabTo, answerByKeyboard, CATALOGS, fill, downloaded, createSession, joinSession } from './support.mjs';

const en = CATALOGS.en;
let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });


test('a teacher runs a session with three students and reads the class at a glance', async () => {
  // The teacher sets up a fixed form: 3 questions in each of two domains, English or Arabic.
  const teacher = await openPage(env);
  await teacher.goto(env.origin + '/');
  await teacher.getByRole('link', { name: en.nav_classroom }).click();
  await teacher.getByRole('heading', { name: CATALOGS.en.classroom_title, level: 1 }).waitFor();
  await teacher.locator('#session-title').fill('Classe 2B — réseaux');
  await teacher.locator('#session-mode-fixed').check();
  await teacher.locator('#session-domain-networks').check();
  await teacher.locator('#session-domain-web').check();
  await teacher.locator('#session-items').fill('3');
  await teacher.locator('#session-lang-ar').check();
  await assertAccessible(teacher, 'new session');
  await teacher.getByRole('button', { name: en.classroom_create }).click();
  await teacher.getByRole('heading', { name: 'Classe 2B — réseaux', level: 1 }).waitFor();
  const link = await teacher.locator('#session-link').inputValue();
  assert.match(link, /classroom\.html#\/join\/[A-Za-z0-9_-]+$/);
  await teacher.locator('svg.qr').waitFor();
  // QR codes from the camera, in any browser that gives one (camera.test.mjs scans them).
  await teacher.getByRole('button', { name: en.import_scan }).waitFor();
  await assertAccessible(teacher, 'session page');

  // Three students, each on their own device.
  const students = [
    { name: 'Amina', right: (n) => n !== 6 },
    { name: 'Bilal', right: (n) => n % 2 === 1 },
    { name: 'إيمان', right: () => false, arabic: true },
  ];
  for (const s of students) {
    const page = await openPage(env);
    await page.goto(link);
    await page.locator('#join-name').waitFor();
    if (s.arabic) {
      await page.locator('#join-language').selectOption('ar');
      await page.getByRole('heading', { name: CATALOGS.ar.join_title }).waitFor();
      assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
    }
    await page.locator('#join-name').fill(s.name);
    // The hint says where the name goes: in the code, and on this device until removed.
    const t = CATALOGS[s.arabic ? 'ar' : 'en'];
    await page.getByText(t.join_name_hint).waitFor();
    await assertAccessible(page, `join ${s.name}`);
    await page.locator('form button[type=submit]').click();
    s.code = await takeSessionQuiz(page, 6, s.right);
    assert.match(s.code, /^KAFAA-[A-Za-z0-9_-]+$/);
    // The code page is in the language chosen when joining, though it is another document.
    assert.equal(await page.getAttribute('html', 'lang'), s.arabic ? 'ar' : 'en');
    await assertAccessible(page, `result code ${s.name}`);
    // On a shared computer the student removes the quiz once the code is handed back: the
    // name and answers are gone from this device.
    const history = () => page.evaluate(() => JSON.parse(localStorage.getItem('kafaa.history') || '[]').length);
    assert.equal(await history(), 1);
    await page.getByText(t.code_remove_intro).waitFor();
    await page.getByRole('button', { name: t.code_remove }).click();
    await page.getByRole('heading', { name: t.code_removed, level: 1 }).waitFor();
    await page.waitForFunction(() => JSON.parse(localStorage.getItem('kafaa.history')).length === 0);
    assert.ok(!(await page.evaluate(() => Object.values(localStorage).join('\n'))).includes(s.name));
    page.assertClean();
    await page.context().close();
  }
  assert.equal(new Set(students.map((s) => s.code)).size, 3);

  // Import: two codes and a duplicate and junk, pasted together; a damaged code; a file.
  const damaged = students[2].code.slice(0, -6) + (students[2].code.endsWith('A') ? 'BBBBBB' : 'AAAAAA');
  await teacher.locator('#codes').fill(`${students[0].code}\n\n  ${students[1].code} hello\n${students[0].code}\n${damaged}`);
  await teacher.getByRole('button', { name: en.import_button }).click();
  const outcome = teacher.locator('.import-outcome');
  await outcome.waitFor();
  const text = await outcome.textContent();
  assert.match(text, new RegExp(fill(en.import_added.other, { n: 2 })));
  assert.match(text, new RegExp(fill(en.import_duplicates.one, { n: 1 })));
  assert.match(text, new RegExp(fill(en.import_refused.other, { n: 2 })));
  assert.match(text, new RegExp(`Code 3 \\(hello…\\): ${en.code_not_a_code}`));
  assert.match(text, new RegExp(en.code_damaged.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  await teacher.locator('#code-files').setInputFiles({ name: 'iman.txt', mimeType: 'text/plain', buffer: Buffer.from(students[2].code + '\n') });
  await teacher.locator('.import-outcome', { hasText: fill(en.import_added.one, { n: 1 }) }).waitFor();

  // The dashboard: every student in the heat map, scores recomputed from the answers.
  const rows = teacher.locator('table.heatmap tbody tr');
  await rows.nth(2).waitFor();
  assert.equal(await rows.count(), 3);
  const scores = Object.fromEntries(await rows.evaluateAll((trs) => trs.map((tr) => [tr.querySelector('th').textContent, tr.querySelector('td.score').textContent])));
  assert.deepEqual(scores, { Amina: '5/6 (83%)', Bilal: '3/6 (50%)', 'إيمان': '0/6 (0%)' });
  assert.equal(await teacher.locator('table.items tbody tr').count(), 6, 'the same six questions for everyone');
  // The sixth question: nobody got it right, and it is flagged so.
  assert.equal(await teacher.locator('table.items tbody tr.flagged').count(), 1);
  await teacher.locator('table.items tbody tr.flagged', { hasText: en.flag_hard }).waitFor();
  await assertAccessible(teacher, 'dashboard');

  // The CSV per student opens right in a spreadsheet and says the same.
  // Made on click: no class list sits in the page as a link.
  assert.equal(await teacher.locator('a[href^="data:"], a[href^="blob:"]').count(), 0);
  const csv = (await downloaded(teacher, en.dashboard_csv_students)).text;
  assert.ok(csv.startsWith('\uFEFF'), 'UTF-8 with a byte-order mark');
  const lines = csv.slice(1).trim().split('\r\n').map((l) => l.split(','));
  assert.equal(lines.length, 4);
  // Total, out of, percent, and the checks against the session: honest codes pass them all.
  assert.deepEqual(lines.slice(1).map((l) => [l[0], ...l.slice(-4)]), [
    ['Amina', '5', '6', '83', ''], ['Bilal', '3', '6', '50', ''], ['إيمان', '0', '6', '0', ''],
  ]);
  assert.equal(await teacher.locator('table.heatmap .mismatch').count(), 0);
  const items = (await downloaded(teacher, en.dashboard_csv_items)).text;
  assert.equal(items.slice(1).trim().split('\r\n').length, 7);

  // The anonymous answers, to pool for calibration: one record per student, right or wrong
  // on each of the six questions, the session's mode, no name or title anywhere; students
  // could choose English or Arabic, so the language is undetermined.
  const { name: responsesName, text: responsesText } = await downloaded(teacher, en.dashboard_responses);
  assert.match(responsesName, /^kafaa-[0-9a-f]{16}-responses\.json$/);
  const responses = JSON.parse(responsesText);
  assert.equal(responses.kind, 'kafaa-responses');
  assert.equal(responses.records.length, 3);
  for (const secret of [...students.map((s) => s.name), 'Classe 2B']) {
    assert.ok(!responsesText.includes(secret), `${secret} is not in the anonymous answers`);
  }
  assert.deepEqual(responses.records.map((r) => [r.language, r.mode]), [['und', 'fixed'], ['und', 'fixed'], ['und', 'fixed']]);
  const rights = responses.records.map((r) => Object.values(r.responses).reduce((a, b) => a + b, 0)).sort();
  assert.deepEqual(rights, [0, 3, 5]);
  assert.ok(responses.records.every((r) => Object.keys(r.responses).length === 6));
  await teacher.getByText(en.dashboard_responses_intro).waitFor();

  // Kept across a reload.
  await teacher.reload();
  await rows.nth(2).waitFor();
  assert.equal(await rows.count(), 3);

  // The counselor: the session key file and Bilal's code give his full report.
  const keyFile = (await downloaded(teacher, en.session_key_download)).text;

  // In the same tab, after class A's codes were opened: a second class refuses them, one by
  // one, as codes of another session.
  await teacher.goto(env.origin + '/classroom.html#/classroom');
  await teacher.locator('#session-title').fill('Classe 3A');
  await teacher.locator('#session-mode-fixed').check();
  await teacher.locator('#session-domain-web').check();
  await teacher.locator('#session-items').fill('3');
  await teacher.locator('form.new-session button[type=submit]').click();
  await teacher.getByRole('heading', { name: 'Classe 3A', level: 1 }).waitFor();
  await teacher.locator('#codes').fill(students[0].code);
  await teacher.getByRole('button', { name: en.import_button }).click();
  await teacher.locator('.import-outcome', { hasText: fill(en.import_refused.one, { n: 1 }) }).waitFor();
  assert.match(await teacher.locator('.import-outcome').textContent(), new RegExp(en.code_other_session.split('{')[0].replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  assert.equal(await teacher.locator('table.heatmap tbody tr').count(), 0);
  teacher.assertClean();
  await teacher.context().close();
  const counselor = await openPage(env);
  await counselor.goto(env.origin + '/counselor.html#/counselor');
  await counselor.locator('#counselor-key').setInputFiles({ name: 'key.json', mimeType: 'application/json', buffer: Buffer.from(keyFile) });
  await counselor.locator('[role=status]', { hasText: 'Classe 2B — réseaux' }).waitFor();
  await counselor.locator('#counselor-code').fill(students[1].code);
  await counselor.getByRole('button', { name: en.counselor_open }).click();
  await counselor.getByRole('heading', { name: fill(en.counselor_report, { label: 'Bilal' }) }).waitFor();
  await counselor.locator('.overall', { hasText: '3 of 6 correct (50%)' }).waitFor();
  await counselor.locator('section.shortlist li').first().waitFor();
  await counselor.locator('#counselor-notes').fill('Interested in networks; suggest OFPPT.');
  await counselor.locator('#counselor-notes').blur();
  await assertAccessible(counselor, 'counselor report');
  await counselor.reload();
  await counselor.locator('#counselor-key').setInputFiles({ name: 'key.json', mimeType: 'application/json', buffer: Buffer.from(keyFile) });
  await counselor.locator('#counselor-code').fill(students[1].code);
  await counselor.getByRole('button', { name: en.counselor_open }).click();
  assert.equal(await counselor.locator('#counselor-notes').inputValue(), 'Interested in networks; suggest OFPPT.');
  // Printed in Arabic: the report alone (no header, forms or notes), right to left, on A4.
  await counselor.locator('#language').selectOption('ar');
  await counselor.getByRole('heading', { name: fill(CATALOGS.ar.counselor_report, { label: 'Bilal' }) }).waitFor();
  await counselor.emulateMedia({ media: 'print' });
  assert.equal(await counselor.getAttribute('html', 'dir'), 'rtl');
  for (const hidden of ['.site-header', 'form.card', 'section.notes', '.site-footer']) {
    assert.equal(await counselor.locator(hidden).first().isVisible(), false, `${hidden} is not printed`);
  }
  await counselor.locator('article.report .levels').waitFor();
  const pdf = await counselor.pdf({ format: 'A4', preferCSSPageSize: true });
  assert.ok(pdf.length > 10_000, 'a printable report');
  await counselor.emulateMedia({ media: 'screen' });
  counselor.assertClean();
  await counselor.context().close();
});

test('a classroom session with the keyboard only: create, join, answer, hand back, import', async () => {
  const teacher = await openPage(env);
  await teacher.goto(env.origin + '/classroom.html#/classroom');
  await teacher.locator('#session-title').waitFor();
  await tabTo(teacher, '#session-title');
  await teacher.keyboard.type('Clavier seulement');
  // The fixed form is the mode chosen at first; Space ticks a domain.
  await tabTo(teacher, '#session-domain-safety');
  await teacher.keyboard.press('Space');
  await tabTo(teacher, '#session-items');
  await teacher.keyboard.type('2');
  await tabTo(teacher, 'form.new-session button[type=submit]');
  await teacher.keyboard.press('Enter');
  await teacher.getByRole('heading', { name: 'Clavier seulement', level: 1 }).waitFor();
  const link = await teacher.locator('#session-link').inputValue();

  const student = await openPage(env);
  await student.goto(link);
  await student.locator('#join-name').waitFor();
  await tabTo(student, '#join-name');
  await student.keyboard.type('Hiba');
  await student.keyboard.press('Enter');
  for (let n = 1; n <= 2; n++) {
    await student.getByRole('heading', { name: `Question ${n} of 2` }).waitFor();
    await answerByKeyboard(student, true);
  }
  await student.locator('section.results').waitFor();
  await tabTo(student, 'a[href*="#/code/"]');
  await student.keyboard.press('Enter');
  await student.locator('#result-code').waitFor();
  const code = (await student.locator('#result-code').inputValue()).trim();
  student.assertClean();
  await student.context().close();

  await tabTo(teacher, '#codes');
  await teacher.keyboard.insertText(code);
  await tabTo(teacher, 'form:has(#codes) button[type=submit]');
  await teacher.keyboard.press('Enter');
  await teacher.locator('table.heatmap tbody tr', { hasText: 'Hiba' }).waitFor();
  assert.equal(await teacher.locator('table.heatmap tbody tr td.score').textContent(), '2/2 (100%)');
  teacher.assertClean();
  await teacher.context().close();
});

test('one fingerprint from board to code; a swapped key refused; two students with the same name stay two rows; a code shown again is merged', async () => {
  const en = CATALOGS.en;
  const teacher = await openPage(env);
  // The browser's own X25519 opens the codes (see ui::key_agreement): each new code once.
  await teacher.addInitScript(() => {
    const derive = SubtleCrypto.prototype.deriveBits;
    window.agreements = 0;
    SubtleCrypto.prototype.deriveBits = function (algorithm, ...rest) {
      if (algorithm.name === 'X25519') window.agreements += 1;
      return derive.call(this, algorithm, ...rest);
    };
  });
  const link = await createSession(teacher, env.origin, { title: 'Same names', domains: ['web'], items: 3 });
  // The class compares the session's fingerprint with the teacher's board: the same on the
  // teacher's page, each join page and each code page.
  const fingerprint = (page) => page.locator('.fingerprint strong').textContent();
  const board = await fingerprint(teacher);
  assert.match(board, /^Session fingerprint: [0-9a-f]{4}-[0-9a-f]{4}$/);
  const take = async (right, name = 'Sam') => {
    const page = await openPage(env);
    await page.goto(link);
    await page.locator('#join-name').waitFor();
    assert.equal(await fingerprint(page), board);
    // A forger's name is longer than the form allows.
    await page.locator('#join-name').evaluate((input) => input.removeAttribute('maxlength'));
    await page.locator('#join-name').fill(name);
    await page.locator('form button[type=submit]').click();
    const code = await takeSessionQuiz(page, 3, right);
    assert.equal(await fingerprint(page), board);
    return { page, code };
  };
  const first = await take(() => true);
  const second = await take(() => false);
  const forger = await take(() => true, 'X'.repeat(70));
  // The first Sam opens the code page again: a new code, sealed afresh, for the same attempt.
  await first.page.reload();
  await first.page.locator('svg.qr').waitFor();
  const again = (await first.page.locator('#result-code').inputValue()).trim();
  assert.notEqual(again, first.code);

  await teacher.locator('#codes').fill(`${first.code}\n${second.code}\n${again}\n${forger.code}`);
  await teacher.getByRole('button', { name: en.import_button }).click();
  const outcome = await teacher.locator('.import-outcome').textContent();
  assert.match(outcome, new RegExp(fill(en.import_added.other, { n: 3 })));
  assert.match(outcome, new RegExp(fill(en.import_duplicates.one, { n: 1 })));
  assert.equal(await teacher.evaluate(() => window.agreements), 4);
  const rows = teacher.locator('table.heatmap tbody tr');
  await rows.nth(2).waitFor();
  assert.equal(await rows.count(), 3);
  // The forger's row says what does not match; the teacher leaves it out of the figures.
  const flagged = rows.filter({ hasText: 'XXXX' });
  await flagged.locator('.mismatch').waitFor();
  await teacher.getByRole('button', { name: fill(en.dashboard_leave_out_of, { label: 'X'.repeat(70) }) }).click();
  await teacher.getByRole('heading', { name: fill(en.dashboard_left_out, { n: 1 }) }).waitFor();
  assert.equal(await rows.count(), 2);
  await teacher.locator('ul.left-out .mismatch').waitFor();
  const texts = await rows.allTextContents();
  assert.ok(texts.every((t) => t.includes('Sam')), texts.join(' | '));
  assert.ok(texts.some((t) => t.includes('3/3')) && texts.some((t) => t.includes('0/3')), texts.join(' | '));
  // Kept across a reload; counted again on request. The stored codes are opened again with
  // the browser's X25519 too, one agreement each.
  await teacher.reload();
  await teacher.getByRole('heading', { name: fill(en.dashboard_left_out, { n: 1 }) }).waitFor();
  assert.equal(await rows.count(), 2);
  assert.equal(await teacher.evaluate(() => window.agreements), 3);
  await teacher.getByRole('button', { name: fill(en.dashboard_count_again_of, { label: 'X'.repeat(70) }) }).click();
  await rows.nth(2).waitFor();
  assert.equal(await teacher.locator('ul.left-out').count(), 0);
  // A link whose key was swapped (to read the class's codes) is refused, with why.
  const payload = link.slice(link.indexOf('#/join/') + 7);
  const session = JSON.parse(Buffer.from(payload, 'base64url').toString());
  const key = session.public_key;
  // A different key: its third character lies within the 8 bytes the id is made of.
  session.public_key = key.slice(0, 2) + (key[2] === 'A' ? 'B' : 'A') + key.slice(3);
  await second.page.goto(link.replace(payload, Buffer.from(JSON.stringify(session)).toString('base64url')));
  const alert = second.page.locator('[role=alert]', { hasText: en.join_invalid });
  await alert.waitFor();
  assert.match(await alert.textContent(), /id: must be the first 16 hexadecimal digits of its public key/);
  for (const p of [teacher, first.page, second.page, forger.page]) {
    p.assertClean();
    await p.context().close();
  }
});


test('codes open in a browser whose WebCrypto has no X25519 (as before Chromium 133), or refuses one code\'s key', async () => {
  for (const refuse of ['every key', 'the first key']) {
    const teacher = await openPage(env);
    await teacher.addInitScript((refuse) => {
      const derive = SubtleCrypto.prototype.deriveBits;
      let calls = 0;
      SubtleCrypto.prototype.deriveBits = function (...args) {
        calls += 1;
        return refuse === 'every key' || calls === 1
          ? Promise.reject(new DOMException('Unrecognized name.', 'NotSupportedError'))
          : derive.apply(this, args);
      };
    }, refuse);
    const link = await createSession(teacher, env.origin, { title: 'Older browser', domains: ['web'], items: 3 });
    const codes = [];
    for (const name of ['Nadia', 'Omar']) {
      const student = await openPage(env);
      await joinSession(student, link, name);
      codes.push(await takeSessionQuiz(student, 3, (n) => n !== 2));
      student.assertClean();
      await student.context().close();
    }
    await teacher.locator('#codes').fill(codes.join('\n'));
    await teacher.getByRole('button', { name: en.import_button }).click();
    assert.match(await teacher.locator('.import-outcome').textContent(), new RegExp(fill(en.import_added.other, { n: 2 })), refuse);
    const rows = teacher.locator('table.heatmap tbody tr');
    await rows.nth(1).waitFor();
    const texts = await rows.allTextContents();
    assert.ok(['Nadia', 'Omar'].every((name) => texts.some((t) => t.includes(name) && t.includes('2/3'))), texts.join(' | '));
    teacher.assertClean();
    await teacher.context().close();
  }
});
