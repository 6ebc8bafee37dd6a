// Bad input never breaks the app: a broken bank is reported item by item, unreadable storage
// is set aside with a message, and a failed fetch offers a retry.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { start, openPage, assertAccessible, takeFixedForm, CATALOGS, fill, appStarted, PER_DOMAIN } from './support.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

/** The broken fixture as the English file of the web domain (the app fetches one language):
 * its last item's explanation has no English. */
const BROKEN = (() => {
  const file = JSON.parse(readFileSync(new URL('../fixtures/broken-domain.json', import.meta.url), 'utf8'));
  delete file.items[3].explanation.en;
  return JSON.stringify(file);
})();

test('a domain file with broken items is reported item by item', async () => {
  const page = await openPage(env);
  await page.route('**/content/en/domains/web.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: BROKEN }));
  await page.goto(env.origin + '/#/start');
  await page.getByLabel('All domains').uncheck();
  await page.locator('#domain-web').check();
  await page.getByRole('button', { name: 'Start' }).click();
  await page.getByRole('heading', { name: 'The quiz content has errors' }).waitFor();
  const text = await page.locator('.bank-problems').textContent();
  assert.match(text, /3 problems were found/);
  for (const [item, field, message] of [
    ['web-02', 'items[1].answer', 'names option "z", which does not exist'],
    ['web-03', 'items[2].stem', 'is missing'],
    ['web-04', 'items[3].explanation', 'has no text in "en", a language the bank declares'],
  ]) {
    const entry = page.locator('.bank-problems > ul > li', { hasText: `Item ${item}` });
    assert.match(await entry.textContent(), new RegExp(`content/en/domains/web.json`));
    assert.match(await entry.textContent(), new RegExp(`${field.replace(/[[\]]/g, '\\$&')}: ${message}`));
  }
  // The rest of the app still works.
  await page.getByRole('link', { name: 'Home' }).click();
  await page.getByRole('heading', { name: 'Where do your digital skills stand?' }).waitFor();
  await assertAccessible(page, 'home with a broken bank');
  page.assertClean();
  await page.context().close();
});

/** The problems the start page lists when the shipped settings are served with `change`
 * made, in the interface language `lang`. */
async function settingsProblems(page, lang, change) {
  await page.addInitScript((l) => localStorage.setItem('kafaa.lang', l), lang);
  await page.route('**/content/assessment.json', async (route) => {
    const settings = JSON.parse(readFileSync(new URL('../../static/content/assessment.json', import.meta.url), 'utf8'));
    change(settings);
    await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(settings) });
  });
  await page.goto(env.origin + '/#/start');
  await page.getByRole('heading', { name: CATALOGS[lang].bank_invalid_title }).waitFor();
  return page.locator('.bank-problems').textContent();
}

test('broken assessment settings are reported with their file and field', async () => {
  const page = await openPage(env);
  const text = await settingsProblems(page, 'en', (settings) => { settings.levels[2].from = -9; });
  assert.match(text, /1 problem was found/);
  assert.match(text, /content\/assessment\.json/);
  assert.match(text, /levels\[2\]\.from: is out of order/);
  page.assertClean();
  await page.context().close();
});

test('a value out of range is explained in the interface language, range included', async () => {
  const page = await openPage(env);
  const text = await settingsProblems(page, 'ar', (settings) => { settings.band.z = 0; });
  const ar = CATALOGS.ar;
  assert.ok(text.includes(`band.z: ${fill(ar.problem_out_of_range, { range: ar.problem_ranges[0] })}`), text);
  page.assertClean();
  await page.context().close();
});

test('a field missing from the settings is named in the interface language, with its place', async () => {
  const page = await openPage(env);
  const text = await settingsProblems(page, 'fr', (settings) => { delete settings.band.percent; });
  assert.ok(text.includes(`band.percent: ${CATALOGS.fr.problem_missing}`), text);
  page.assertClean();
  await page.context().close();
});

test('a bank that cannot be fetched says so and can be retried', async () => {
  const page = await openPage(env);
  let fail = true;
  await page.route('**/content/index.json', (route) =>
    fail ? route.fulfill({ status: 503, body: 'down' }) : route.continue());
  await page.goto(env.origin + '/#/start');
  await page.getByText('The questions could not be loaded.').waitFor();
  assert.match(await page.locator('.notice.error').textContent(), /HTTP 503/);
  fail = false;
  await page.getByRole('button', { name: 'Try again' }).click();
  await page.getByRole('heading', { name: 'Choose your quiz' }).waitFor();
  // A failed load logs a console error in Chromium itself; only our own errors matter here.
  await page.context().close();
});

test('unreadable saved data is set aside with a message and the rest is kept', async () => {
  const context = await env.browser.newContext();
  const page = await openPage(env, context);
  await page.goto(env.origin + '/');
  await appStarted(page);
  // The history, kept under a key of its own, holds one entry that is not an attempt.
  await page.evaluate(() => localStorage.setItem('kafaa.history', '[{"id":"broken"}]'));
  await page.reload();
  await page.getByText('1 part of your saved data could not be read.').waitFor();
  const aside = await page.evaluate(() =>
    Object.keys(localStorage).filter((k) => k.startsWith('kafaa.set-aside.')).map((k) => localStorage.getItem(k)));
  assert.deepEqual(aside, ['{"id":"broken"}']);
  await page.getByRole('button', { name: 'Dismiss' }).click();
  assert.equal(await page.getByText('could not be read').count(), 0);

  await page.evaluate(() => localStorage.setItem('kafaa', '{ this is not json'));
  await page.reload();
  await page.getByText('1 part of your saved data could not be read.').waitFor();
  await page.getByRole('link', { name: 'Start a quiz' }).click();
  await page.getByRole('heading', { name: 'Choose your quiz' }).waitFor();
  const kept = await page.evaluate(() =>
    Object.keys(localStorage).filter((k) => k.startsWith('kafaa.set-aside.')).map((k) => localStorage.getItem(k)));
  assert.ok(kept.includes('{ this is not json'));
  page.assertClean();
  await context.close();
});

for (const doc of ['/', '/careers.html#/guidance', '/classroom.html#/classroom', '/counselor.html#/counselor']) {
  test(`${doc} carries a strict Content-Security-Policy, and a header that forbids framing`, async () => {
    const page = await openPage(env);
    const response = await page.goto(env.origin + doc);
    await page.getByRole('heading', { level: 1 }).waitFor();
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    assert.match(policy, /default-src 'self'/);
    assert.match(policy, /script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
    assert.doesNotMatch(policy, /script-src[^;]*'unsafe-inline'/);
    // The host's header (from dist/_headers) says the same and forbids framing.
    const header = (await response.allHeaders())['content-security-policy'];
    assert.equal(header, `${policy}; frame-ancestors 'none'`);
    // A script from elsewhere is refused.
    const blocked = await page.evaluate(() => new Promise((ok) => {
      document.addEventListener('securitypolicyviolation', () => ok(true), { once: true });
      const s = document.createElement('script');
      s.src = 'data:text/javascript,window.injected=1';
      document.head.append(s);
      setTimeout(() => ok(false), 2000);
    }));
    assert.ok(blocked);
    await page.context().close();
  });
}

test('an unknown address shows a page-not-found page', async () => {
  const page = await openPage(env);
  await page.goto(env.origin + '/#/nowhere');
  await page.getByRole('heading', { name: 'Page not found' }).waitFor();
  page.assertClean();
  await page.context().close();
});

const REFUSALS = {
  // Every write fails, as when the quota is full.
  'refuses to save (quota)': () => {
    Storage.prototype.setItem = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  },
  // Even asking for localStorage throws, as when the browser blocks storage for the site.
  'is closed altogether (blocked for the site)': () => {
    Object.defineProperty(window, 'localStorage', {
      get() { throw new DOMException('The operation is insecure.', 'SecurityError'); },
    });
  },
};

for (const [how, refuse] of Object.entries(REFUSALS)) {
  test(`when storage ${how}, the quiz goes on in memory with a notice`, async () => {
    const context = await env.browser.newContext({ serviceWorkers: 'block' });
    await context.addInitScript(refuse);
    const page = await openPage(env, context);
    // The notice appears as soon as the first save fails; the quiz still runs to its results.
    const notice = page.getByText('Your progress cannot be saved on this device').waitFor();
    await takeFixedForm(page, env.origin, ['ai']);
    await notice;
    assert.equal((await page.locator('.overall').textContent()).trim(), `${PER_DOMAIN} of ${PER_DOMAIN} correct (100%)`);
    // The other documents start too, and the language can still be changed.
    await page.goto(env.origin + '/classroom.html#/classroom');
    await page.getByRole('heading', { name: CATALOGS.en.classroom_title, level: 1 }).waitFor();
    await page.locator('#language').selectOption('fr');
    await page.getByRole('heading', { name: CATALOGS.fr.classroom_title, level: 1 }).waitFor();
    page.assertClean();
    await context.close();
  });
}

test('a broken session link says what is wrong and where, in the page', async () => {
  const page = await openPage(env);
  // Valid base64url, but a session for a domain that does not exist and without a key.
  const payload = Buffer.from(JSON.stringify({ v: 1, id: '0011223344556677', title: 'T', domains: ['astrology'], mode: 'fixed', items_per_domain: null, minutes: null, languages: ['en'], seed: 1, public_key: 'x' })).toString('base64url');
  await page.goto(`${env.origin}/classroom.html#/join/${payload}`);
  const alert = page.locator('[role=alert]');
  await alert.waitFor();
  const text = await alert.textContent();
  assert.match(text, /This session link cannot be used/);
  assert.match(text, /domains\[0\]: names domain "astrology"/);
  assert.match(text, /public_key: must be a 32-byte key/);
  // In the reader's language: the fault in French, with the same field.
  await page.locator('#language').selectOption('fr');
  await page.locator('[role=alert]', { hasText: CATALOGS.fr.join_invalid }).waitFor();
  assert.match(await page.locator('[role=alert]').textContent(), new RegExp(`domains\\[0\\]: ${fill(CATALOGS.fr.problem_unknown_domain, { id: 'astrology' }).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  await page.locator('#language').selectOption('en');
  // A link cut short is refused too, without breaking the page.
  await page.goto(`${env.origin}/classroom.html#/join/${payload.slice(0, 30)}`);
  await page.locator('[role=alert]', { hasText: 'This session link cannot be used' }).waitFor();
  page.assertClean();
  await page.context().close();
});
