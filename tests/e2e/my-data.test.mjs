// Private by design: everything stored can be downloaded as one file, deleted, and imported
// back, with the same history.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { start, openPage, assertAccessible, takeFixedForm, createSession, takeSessionQuiz, PER_DOMAIN, downloaded, joinSession } from './support.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

test('export, delete everything, import: the same history comes back', async () => {
  const page = await openPage(env);
  await takeFixedForm(page, env.origin, ['web'], (n) => n % 2 === 1);
  await takeFixedForm(page, env.origin, ['testing'], (n) => n % 2 === 1);
  await page.goto(env.origin + '/#/history');
  const rows = page.locator('table.history tbody tr');
  await rows.first().waitFor();
  const before = await rows.allTextContents();
  assert.equal(before.length, 2);

  await page.getByRole('link', { name: 'My data' }).click();
  await page.getByRole('heading', { name: 'My data' }).waitFor();
  await page.getByText('Stored now: 2 finished quizzes.').waitFor();
  await assertAccessible(page, 'my data');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download all my data (JSON file)' }).click(),
  ]);
  const file = await download.path();
  const exported = JSON.parse(readFileSync(file, 'utf8'));
  assert.equal(exported.kafaa_export, 1);
  assert.equal(exported.store.history.length, 2);

  // The anonymous answers, for calibration: one record per quiz, in its language, no name.
  const donated = JSON.parse((await downloaded(page, 'Download my anonymous answers (JSON)')).text);
  assert.equal(donated.kind, 'kafaa-responses');
  assert.equal(donated.records.length, 2);
  for (const record of donated.records) {
    assert.deepEqual(Object.keys(record).sort(), ['language', 'mode', 'responses']);
    assert.equal(record.language, 'en');
    assert.equal(record.mode, 'fixed');
    assert.equal(Object.keys(record.responses).length, PER_DOMAIN);
    // Odd questions were answered right: half of them.
    assert.equal(Object.values(record.responses).filter((r) => r === 1).length, PER_DOMAIN / 2);
  }

  await page.getByRole('button', { name: 'Delete everything from this device' }).click();
  await page.getByRole('button', { name: 'Yes, delete everything' }).click();
  await page.getByText('Everything was deleted from this device.').waitFor();
  const left = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('kafaa')));
  // Only the (now empty) store is written again.
  assert.deepEqual(left.sort(), ['kafaa', 'kafaa.history', 'kafaa.notes']);
  assert.equal(await page.evaluate(() => localStorage.getItem('kafaa.history')), '[]');
  await page.goto(env.origin + '/#/history');
  await page.getByText('No finished quiz yet.', { exact: false }).waitFor();

  await page.goto(env.origin + '/#/data');
  await page.locator('#import').setInputFiles(file);
  await page.getByText('Import done: 2 quizzes added.').waitFor();
  await page.goto(env.origin + '/#/history');
  await rows.first().waitFor();
  assert.deepEqual(await rows.allTextContents(), before);

  // The same file again adds nothing, and says so. A part the exporting device could not
  // read comes along and is kept here as it was.
  await page.goto(env.origin + '/#/data');
  const carrying = { ...exported, set_aside: ['{ a history entry that was unreadable'] };
  await page.locator('#import').setInputFiles({ name: 'again.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(carrying)) });
  await page.getByText('Import done: 0 quizzes added. 1 part of the file could not be read: it is kept on this device as it was, and goes into your next export.').waitFor();
  const kept = await page.evaluate(() =>
    Object.keys(localStorage).filter((k) => k.startsWith('kafaa.set-aside.')).map((k) => localStorage.getItem(k)));
  assert.deepEqual(kept, ['{ a history entry that was unreadable']);
  await page.getByText('Stored now: 2 finished quizzes.').waitFor();

  // A file that is not an export is refused with a reason; nothing changes.
  await page.goto(env.origin + '/#/data');
  await page.locator('#import').setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": 1}') });
  await page.getByText('This file could not be imported: it is not a Kafaa data file.').waitFor();
  await page.getByText('Stored now: 2 finished quizzes.').waitFor();
  page.assertClean();
  await page.context().close();
});

test('export, delete, import: a teacher\'s sessions and their results come back too', async () => {
  const page = await openPage(env);
  const link = await createSession(page, env.origin, { title: 'Export check', domains: ['web'], items: 2 });
  const session = page.url();
  await joinSession(page, link, 'Sara');
  const code = await takeSessionQuiz(page, 2, () => true);
  await page.goto(session);
  await page.locator('#codes').fill(code);
  await page.getByRole('button', { name: 'Import the codes' }).click();
  const rows = page.locator('table.heatmap tbody tr');
  await rows.first().waitFor();
  const before = await rows.allTextContents();

  await page.goto(env.origin + '/#/data');
  // Moving the sessions needs their keys: the teacher ticks the warned box.
  await page.locator('#export-keys').check();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download all my data (JSON file)' }).click(),
  ]);
  const file = await download.path();
  const sessions = JSON.parse(readFileSync(file, 'utf8')).store.sessions;
  assert.equal(sessions.length, 1);
  assert.ok(sessions[0].secret_key.length > 20, 'the key, as asked');
  await page.getByRole('button', { name: 'Delete everything from this device' }).click();
  await page.getByRole('button', { name: 'Yes, delete everything' }).click();
  await page.getByText('Everything was deleted from this device.').waitFor();
  await page.goto(session);
  await page.getByRole('heading', { name: 'This session is not on this device.' }).waitFor();

  await page.goto(env.origin + '/#/data');
  await page.locator('#import').setInputFiles(file);
  await page.getByText('Import done: 1 quiz added.').waitFor();
  await page.goto(session);
  await rows.first().waitFor();
  assert.deepEqual(await rows.allTextContents(), before);
  page.assertClean();
  await page.context().close();
});

test('the export leaves classroom keys out unless the user ticks the warned option', async () => {
  const page = await openPage(env);
  await createSession(page, env.origin, { title: 'Keys stay here', domains: ['web'], items: 3 });
  const secret = await page.evaluate(() => JSON.parse(localStorage.getItem(Object.keys(localStorage).find((k) => k.startsWith('kafaa.session.')))).secret_key);
  assert.ok(secret.length > 20);
  await page.goto(env.origin + '/careers.html#/data');
  await page.getByRole('button', { name: 'Download all my data (JSON file)' }).waitFor();
  // Made on click: the keys never sit in the page as a link.
  assert.equal(await page.locator('a[href^="data:"], a[href^="blob:"]').count(), 0);
  const exported = async () => JSON.parse((await downloaded(page, 'Download all my data (JSON file)')).text);
  let file = await exported();
  assert.equal(file.store.sessions[0].secret_key, '');
  assert.equal(file.store.sessions[0].session.title, 'Keys stay here');
  await page.getByText('anyone who has the file could open', { exact: false }).waitFor();
  await page.locator('#export-keys').check();
  file = await exported();
  assert.equal(file.store.sessions[0].secret_key, secret);
  await assertAccessible(page, 'my data with sessions');
  page.assertClean();
  await page.context().close();
});
