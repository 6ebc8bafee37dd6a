// Stored data of the previous schema — everything under one localStorage key, with a history
// and a teacher's session of 2,000 result codes — moves to the split form (schema 6: a small
// head and one key per part) without losing anything; afterwards an answer rewrites the head
// only, never the codes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, openPage, appStarted, answerByMouse, currentItemId, INDEX, itemById, CATALOGS, fill } from './support.mjs';
import { readFileSync } from 'node:fs';

const en = CATALOGS.en;
let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const domainItems = (id) => JSON.parse(readFileSync(new URL(`../../static/content/${INDEX.domains.find((d) => d.id === id).file}`, import.meta.url), 'utf8')).items;

/** A finished fixed-form attempt of schema 5 over `domain`'s first three items, all right. */
function attempt(id, domain, finishedAt) {
  const items = domainItems(domain).slice(0, 3);
  const right = (i) => ({
    single_choice: { choice: i.answer }, true_false: { bool: i.answer }, multiple_select: { choices: i.answer },
    ordering: { order: i.answer }, matching: { pairs: i.answer },
  })[i.type];
  return {
    id, bank: 'kafaa-starter', mode: 'fixed', seed: 7, domains: [domain], items: items.map((i) => i.id),
    answers: items.map(right), certainty: false, certainties: [null, null, null], extension: null,
    current: 2, started_at: finishedAt - 60_000, finished_at: finishedAt, seconds: [20, 20, 20],
  };
}

test('a history and a 2,000-code session stored by the previous version load intact and move to parts', async () => {
  const codes = Array.from({ length: 2000 }, (_, i) => `KAFAA-${String(i).padStart(400, 'x')}`);
  const session = {
    session: {
      id: '0011223344556677', title: 'Terminale — réseaux', domains: ['networks'], mode: 'fixed', items_per_domain: 3,
      minutes: null, languages: ['en'], seed: 3, public_key: 'ABEiM0RVZnd4eXp7fH1-f4CBgoOEhYaHiImKi4yNjo8',
    },
    secret_key: 'c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlYw', codes, created_at: 1_765_000_000_000, excluded: [],
  };
  const legacy = {
    schema: 5, current: null,
    history: [attempt('a1', 'web', 1_765_000_000_000), attempt('a2', 'networks', 1_765_100_000_000)],
    interests: { 'i-data-1': 1 }, guidance_file: null, sessions: [session], notes: { 'a1-x': 'Met on Monday' }, counselor: null,
  };
  const page = await openPage(env);
  await page.goto(env.origin + '/');
  await page.evaluate((legacy) => { localStorage.clear(); localStorage.setItem('kafaa', JSON.stringify(legacy)); }, legacy);

  // The self-assessment, which reads no sessions, moves the store to parts first, keeping the
  // session as it was; the classroom then lists it with its 2,000 codes.
  await page.reload();
  await appStarted(page);
  await page.waitForFunction(() => JSON.parse(localStorage.getItem('kafaa')).schema === 6);
  await page.goto(env.origin + '/classroom.html#/classroom');
  await page.getByText(fill(en.classroom_results.other, { n: '2,000' })).waitFor();
  const keys = await page.evaluate(() => Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k).length])));
  assert.deepEqual(Object.keys(keys).sort(), ['kafaa', 'kafaa.history', 'kafaa.notes', 'kafaa.session.0011223344556677']);
  assert.ok(keys.kafaa < 2_000, `a small head (${keys.kafaa} characters)`);
  assert.ok(keys['kafaa.session.0011223344556677'] > 800_000);
  const head = await page.evaluate(() => JSON.parse(localStorage.getItem('kafaa')));
  assert.equal(head.schema, 6);
  assert.equal(head.history, undefined, 'the history is not in the head');
  await page.goto(env.origin + '/careers.html#/history');
  await page.locator('table.history tbody tr').nth(1).waitFor();
  assert.equal(await page.locator('table.history tbody tr').count(), 2);
  // Nothing of the previous store is lost: the export holds it all.
  await page.goto(env.origin + '/careers.html#/data');
  await page.getByText(fill(en.data_summary.other, { n: 2 })).waitFor();

  // An answer rewrites the head, not the 2,000 codes.
  const before = await page.evaluate(() => localStorage.getItem('kafaa.session.0011223344556677'));
  let writes = 0;
  await page.exposeFunction('countWrite', (key) => { if (key !== 'kafaa') writes += 1; });
  await page.goto(env.origin + '/#/start');
  await appStarted(page);
  await page.evaluate(() => {
    const set = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) { window.countWrite(key); return set.call(this, key, value); };
  });
  await page.getByLabel(/Fixed form/).check();
  await page.getByRole('button', { name: 'Start' }).click();
  await page.locator('fieldset.question').waitFor();
  await answerByMouse(page, itemById(await currentItemId(page)), true);
  await page.locator('button[type=submit]').click();
  await page.waitForFunction(() => JSON.parse(localStorage.getItem('kafaa')).current?.answers.some((a) => a !== null));
  assert.equal(writes, 0, 'only the head was written while answering');
  assert.equal(await page.evaluate(() => localStorage.getItem('kafaa.session.0011223344556677')), before);
  page.assertClean();
});
