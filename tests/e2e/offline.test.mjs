// After one visit the whole app works with the network off: a reload, a new quiz in a domain
// never opened before, the results, the careers page, a classroom session from creation to
// the dashboard, a quiz file imported among the teacher's own questions; and a new version is picked up with a prompt.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start, openPage, takeFixedForm, createSession, takeSessionQuiz, DIST, appStarted, PER_DOMAIN, CATALOGS, INDEX, joinSession } from './support.mjs';

// A copy of the release build, so that a test can publish a "new version" of it.
const ROOT = mkdtempSync(join(tmpdir(), 'kafaa-offline-'));
cpSync(DIST, ROOT, { recursive: true });

let env;
before(async () => { env = await start(ROOT); });
after(async () => {
  await env?.close();
  rmSync(ROOT, { recursive: true, force: true });
});

/** Waits until the service worker controls the page (everything is cached by then). */
async function controlled(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((ok) => navigator.serviceWorker.addEventListener('controllerchange', ok, { once: true }));
    }
  });
}

/** The question files of `lang` the service worker holds, of the index's domains. */
async function questionsKept(page, lang) {
  return page.evaluate(async (lang) => {
    const index = await (await fetch('content/index.json')).json();
    const kept = await Promise.all(index.domains.map((d) => caches.match(`content/${lang}/${d.file}`)));
    return kept.filter(Boolean).length;
  }, lang);
}

/** Waits until the service worker holds every domain's questions in `lang`. */
async function languageKept(page, lang) {
  for (let i = 0; i < 200 && (await questionsKept(page, lang)) < INDEX.domains.length; i++) {
    await new Promise((ok) => setTimeout(ok, 100));
  }
  assert.equal(await questionsKept(page, lang), INDEX.domains.length, `every domain's questions in ${lang} kept`);
}

test('after one visit, a quiz can be taken and finished offline', async () => {
  const context = await env.browser.newContext();
  const page = await openPage(env, context);
  await page.goto(env.origin + '/');
  await appStarted(page);
  await controlled(page);
  // The questions of the language in use are kept, and only those.
  await languageKept(page, 'en');
  assert.equal(await questionsKept(page, 'fr'), 0);
  assert.equal(await questionsKept(page, 'ar'), 0);

  await context.setOffline(true);
  // Each page that needs French questions tries for them, in vain, before English stands in.
  page.expectFailedLoads(/\/content\/fr\//);
  await page.reload();
  await page.getByRole('heading', { name: 'Where do your digital skills stand?' }).waitFor();
  await takeFixedForm(page, env.origin, ['cloud']);
  assert.equal((await page.locator('.overall').textContent()).trim(), `${PER_DOMAIN} of ${PER_DOMAIN} correct (100%)`);

  // French works offline too: its catalog was cached. Its questions were not (the learner
  // never used French online): the English ones stand in.
  await page.locator('#language').selectOption('fr');
  await page.getByRole('heading', { name: 'Vos résultats' }).waitFor();
  const review = await page.locator('.review').textContent();
  const cloud = JSON.parse(readFileSync(new URL('../../static/content/domains/cloud.json', import.meta.url), 'utf8')).items;
  assert.ok(cloud.some((i) => review.includes(i.stem.en)), 'the English questions stand in');
  // So does the careers page, a document of its own, with its guidance data.
  await page.getByRole('link', { name: 'Voir les métiers qui correspondent à ces résultats' }).click();
  await page.getByRole('heading', { name: 'Les métiers qui vous correspondent', level: 1 }).waitFor();
  await page.locator('li.specialty').first().waitFor();

  // And a whole classroom session: the teacher's page, a student's quiz and code, the import.
  const link = await createSession(page, env.origin, { title: 'Hors ligne', domains: ['cloud'], items: 2 });
  const session = page.url();
  await joinSession(page, link, 'Yassine');
  const code = await takeSessionQuiz(page, 2, () => true);
  await page.goto(session);
  await page.locator('#codes').fill(code);
  await page.locator('form:has(#codes) button[type=submit]').click();
  await page.locator('table.heatmap tbody tr', { hasText: 'Yassine' }).waitFor();
  // The teacher's own questions, a document never opened before: a quiz file imported.
  await page.goto(env.origin + '/questions.html#/questions');
  await page.getByRole('heading', { name: CATALOGS.fr.questions_title, level: 1 }).waitFor();
  await page.locator('#quiz-file').setInputFiles({ name: 'q.gift', mimeType: 'text/plain', buffer: Buffer.from('Le DNS traduit les noms en adresses. {T}') });
  await page.locator('ul.own-questions > li').first().waitFor();
  await context.setOffline(false);
  page.assertClean();
  await context.close();
});

test('a new version is cached in the background and offered with a reload button', async () => {
  const context = await env.browser.newContext();
  const page = await openPage(env, context);
  await page.goto(env.origin + '/');
  await appStarted(page);
  await controlled(page);

  // Publish a new version: a different index.html.
  const index = join(ROOT, 'index.html');
  writeFileSync(index, readFileSync(index, 'utf8').replace('</head>', '<meta name="version" content="v2"></head>'));
  await page.reload();
  const notice = page.locator('#update-notice');
  await notice.waitFor();
  assert.equal((await notice.locator('p').textContent()).trim(), 'A new version of Kafaa is ready.');
  await Promise.all([page.waitForEvent('load'), notice.getByRole('button', { name: 'Reload' }).click()]);
  await page.getByRole('heading', { level: 1 }).waitFor();
  const version = await page.locator('meta[name=version]').getAttribute('content');
  assert.equal(version, 'v2', 'the new version is served after the reload');
  page.assertClean();
  await context.close();
});
