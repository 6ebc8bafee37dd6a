// A counselor every learner can reach: the counselor makes a link on their own device; a
// learner who assessed alone sends a result to it, and a teacher sends one student's result
// from a class; only the counselor's browser opens them, with no class key, and reads the same
// levels the learner saw.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  start, openPage, assertAccessible, takeFixedForm, takeSessionQuiz, createSession, CATALOGS, fill, downloaded, appStarted, joinSession,
} from './support.mjs';
import { readFileSync } from 'node:fs';

const INTERESTS = JSON.parse(readFileSync(new URL('../../static/guidance/interests.json', import.meta.url), 'utf8'));
const en = CATALOGS.en;
let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

/** A counselor's page with a link made for `name`; returns the page, the link and its fingerprint. */
async function counselor(name) {
  const page = await openPage(env);
  // The address from before the counselor's view had a document of its own still works.
  await page.goto(env.origin + '/classroom.html#/counselor');
  await page.waitForURL(/\/counselor\.html#\/counselor$/);
  await appStarted(page);
  await page.locator('#counselor-name').fill(name);
  await page.getByRole('button', { name: en.counselor_link_create }).click();
  const link = await page.locator('#counselor-link').inputValue();
  assert.match(link, /\/counselor\.html#\/send\/[A-Za-z0-9_-]+$/);
  const fingerprint = (await page.locator('.counselor-link .fingerprint strong').textContent()).trim();
  return { page, link, fingerprint };
}

/** The level shown for each domain of a results report on `page`. */
const levels = (page) => page.locator('li.level-card').evaluateAll((cards) =>
  cards.map((c) => [c.querySelector('h3').textContent, c.querySelector('.level strong').textContent]));

/** Opens `code` on the counselor's page and waits for the report of `label`. */
async function open(page, code, label) {
  await page.locator('#counselor-code').fill(code);
  await page.getByRole('button', { name: en.counselor_open }).click();
  await page.getByRole('heading', { name: fill(en.counselor_report, { label }), level: 2 }).waitFor();
  await page.locator('li.level-card').first().waitFor();
}

test('a learner who assessed alone sends a result to a counselor link, and only that counselor opens it', async () => {
  const office = await counselor('Mme Benali — orientation, Lycée Ibn Khaldoun');
  await assertAccessible(office.page, 'counselor page with its link');
  // The link and key survive a reload: they are kept on the counselor's device.
  await office.page.reload();
  assert.equal(await office.page.locator('#counselor-link').inputValue(), office.link);

  // The learner, on their own phone: a quiz taken alone, and the interest questions.
  const learner = await openPage(env);
  await takeFixedForm(learner, env.origin, ['web'], (n) => n % 2 === 0);
  const seen = await levels(learner);
  assert.equal(seen.length, 1);
  await learner.goto(env.origin + '/careers.html#/guidance');
  await learner.locator('details.interests summary').click();
  for (const item of INTERESTS.items) {
    await learner.locator(`[id="interest-${item.id}-${item.family === 'security' ? '1' : '-1'}"]`).check();
  }

  // The counselor's link (scanned from their QR code, or typed).
  await learner.goto(office.link);
  await learner.getByRole('heading', { name: en.send_title, level: 1 }).waitFor();
  await learner.getByText(fill(en.send_to, { name: 'Mme Benali — orientation, Lycée Ibn Khaldoun' })).waitFor();
  // The same fingerprint as on the counselor's own page: the link is really theirs.
  assert.equal((await learner.locator('.fingerprint strong').textContent()).trim(), office.fingerprint);
  assert.equal(await learner.locator('input[name=send-attempt]').count(), 1);
  assert.ok(await learner.locator('input[name=send-attempt]').first().isChecked(), 'the latest result is chosen');
  await learner.locator('#send-name').fill('Sara El Idrissi');
  assert.ok(await learner.locator('#send-interests').isChecked());
  await learner.getByRole('button', { name: en.send_make }).click();
  await learner.getByRole('heading', { name: fill(en.send_done, { name: 'Mme Benali — orientation, Lycée Ibn Khaldoun' }) }).waitFor();
  const code = (await learner.locator('#result-code').inputValue()).trim();
  assert.match(code, /^KAFAA-[A-Za-z0-9_-]+$/);
  await learner.locator('svg.qr').waitFor();
  const file = await downloaded(learner, en.code_download);
  assert.equal(file.name, 'kafaa-for-counselor-SaraElIdrissi.txt');
  assert.equal(file.text, code);
  await assertAccessible(learner, 'send results');
  learner.assertClean();

  // The counselor opens it with nothing but their own key: the learner's levels, and careers
  // ranked with the interests sent.
  await open(office.page, code, 'Sara El Idrissi');
  await office.page.getByText(en.counselor_from_learner).waitFor();
  assert.deepEqual(await levels(office.page), seen);
  await office.page.getByText(en.counselor_interests_sent).waitFor();
  await office.page.locator('.shortlist li').first().waitFor();
  await assertAccessible(office.page, 'counselor report of a sent result');

  // Another counselor cannot open it, and is told whose it is.
  const other = await counselor('Mr Alami');
  await other.page.locator('#counselor-code').fill(code);
  await other.page.getByRole('button', { name: en.counselor_open }).click();
  await other.page.getByText(en.counselor_need_key).waitFor();
  assert.equal(await other.page.locator('article.report').count(), 0);
  // "My data" leaves the counselor's secret key out of an export unless the warned option is ticked.
  const secret = await office.page.evaluate(() => JSON.parse(JSON.parse(localStorage.getItem('kafaa')).counselor).secret_key);
  await office.page.goto(env.origin + '/careers.html#/data');
  assert.ok(!(await downloaded(office.page, en.data_export)).text.includes(secret));
  await office.page.locator('#export-keys').check();
  assert.ok((await downloaded(office.page, en.data_export)).text.includes(secret));
  office.page.assertClean();
  other.page.assertClean();
});

test('a teacher sends one student\'s result to a counselor, who opens it without the class key', async () => {
  const office = await counselor('Career office');
  const teacher = await openPage(env);
  const link = await createSession(teacher, env.origin, { title: 'Terminale SMB — data', domains: ['data'], items: 4 });
  const student = await openPage(env);
  await joinSession(student, link, 'Yassine');
  const code = await takeSessionQuiz(student, 4, (n) => n !== 2);
  await student.getByRole('link', { name: CATALOGS.en.code_results }).click();
  await student.locator('li.level-card').first().waitFor();
  const seen = await levels(student);
  student.assertClean();

  await teacher.locator('#codes').fill(code);
  await teacher.getByRole('button', { name: en.import_button }).click();
  await teacher.locator('table.heatmap tbody tr').first().waitFor();
  await teacher.getByRole('heading', { name: en.refer_title }).waitFor();
  // A link that is not a counselor's is refused with what is wrong.
  await teacher.locator('#refer-link').fill(env.origin + '/classroom.html#/send/bm90IGEgbGluaw');
  await teacher.getByRole('button', { name: en.refer_make }).click();
  await teacher.getByText(en.send_invalid).waitFor();
  await teacher.locator('#refer-link').fill(office.link);
  await teacher.getByRole('button', { name: en.refer_make }).click();
  await teacher.getByText(fill(en.refer_for, { name: 'Career office', label: 'Yassine' })).waitFor();
  assert.equal((await teacher.locator('.class-referral .fingerprint strong').textContent()).trim(), office.fingerprint);
  const referral = (await teacher.locator('#refer-code').inputValue()).trim();
  assert.notEqual(referral, code);
  await assertAccessible(teacher, 'session page with a code for a counselor');
  teacher.assertClean();

  // The class's own code does not open on the counselor's page without the key file...
  await office.page.locator('#counselor-code').fill(code);
  await office.page.getByRole('button', { name: en.counselor_open }).click();
  await office.page.getByText(en.counselor_need_key).waitFor();
  // ...the one sealed to the counselor does, with the same levels the student saw.
  await open(office.page, referral, 'Yassine');
  await office.page.getByText('Terminale SMB — data').waitFor();
  assert.deepEqual(await levels(office.page), seen);
  await office.page.getByText(en.counselor_interests_none).waitFor();
  // A private note stays with this result when it is opened again.
  await office.page.locator('#counselor-notes').fill('Interested in data engineering; meet again in March.');
  await office.page.locator('#counselor-notes').blur();
  await office.page.reload();
  await open(office.page, referral, 'Yassine');
  assert.equal(await office.page.locator('#counselor-notes').inputValue(), 'Interested in data engineering; meet again in March.');
  // Removing the key asks first; cancelling keeps it, confirming removes it.
  await office.page.getByRole('button', { name: en.counselor_link_remove }).click();
  await office.page.getByText(en.counselor_link_remove_confirm).waitFor();
  await office.page.getByRole('button', { name: en.cancel }).click();
  assert.equal(await office.page.locator('#counselor-link').inputValue(), office.link);
  await office.page.getByRole('button', { name: en.counselor_link_remove }).click();
  await office.page.getByRole('button', { name: en.counselor_link_remove_yes }).click();
  await office.page.locator('#counselor-name').waitFor();
  assert.equal(await office.page.evaluate(() => JSON.parse(localStorage.getItem('kafaa')).counselor), null);
  office.page.assertClean();

  // The teacher deletes the session, after confirming: its key goes from the device.
  await teacher.getByRole('button', { name: en.session_delete }).click();
  await teacher.getByText(en.session_delete_confirm).waitFor();
  await teacher.getByRole('button', { name: en.session_delete_yes }).click();
  await teacher.getByRole('heading', { name: en.classroom_title, level: 1 }).waitFor();
  await teacher.getByText(en.classroom_none).waitFor();
  assert.equal(await teacher.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('kafaa.session.')).length), 0);
  teacher.assertClean();
});

test('a counselor link that is wrong, or a learner with nothing to send, is told so', async () => {
  const page = await openPage(env);
  await page.goto(env.origin + '/classroom.html#/send/bm90IGEgbGluaw');
  await page.getByText(en.send_invalid).waitFor();
  await page.locator('ul.problems li').first().waitFor();
  const office = await counselor('Office');
  await page.goto(office.link);
  await page.getByText(en.send_none).waitFor();
  await page.getByRole('link', { name: en.home_start }).waitFor();
  await assertAccessible(page, 'send with no result');
  // In Arabic, right to left.
  await page.locator('#language').selectOption('ar');
  await page.getByRole('heading', { name: CATALOGS.ar.send_title, level: 1 }).waitFor();
  await page.getByText(CATALOGS.ar.send_none).waitFor();
  assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
  await assertAccessible(page, 'send with no result, in Arabic');
  page.assertClean();
});
