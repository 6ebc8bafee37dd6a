// Zoom to 200% (WCAG reflow: 320 CSS pixels wide) and reduced motion: every page of a journey
// fits the width without horizontal scrolling, in English and in Arabic.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, openPage, itemById, currentItemId, answerByMouse, createSession, CATALOGS, appStarted, PER_DOMAIN } from './support.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

async function fits(page, label) {
  const [scroll, width] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
  assert.ok(scroll <= width, `${label}: ${scroll}px of content in a ${width}px window`);
}

for (const lang of ['en', 'ar']) {
  test(`at 320 CSS pixels (200% zoom) in ${lang}, no page scrolls sideways`, async () => {
    const t = CATALOGS[lang];
    const context = await env.browser.newContext({ viewport: { width: 320, height: 640 }, reducedMotion: 'reduce', serviceWorkers: 'block' });
    const page = await openPage(env, context);
    await page.goto(env.origin + '/');
    await appStarted(page);
    await page.locator('#language').selectOption(lang);
    await page.getByRole('heading', { name: t.home_title }).waitFor();
    await fits(page, 'home');
    await page.goto(env.origin + '/#/start');
    await page.getByRole('heading', { name: t.start_title }).waitFor();
    await fits(page, 'start');
    await page.locator('input[name=mode]').nth(2).check();
    await page.locator('label.option.all input').uncheck();
    await page.locator('#domain-data').check();
    await page.getByRole('button', { name: t.start_button }).click();
    for (let n = 1; n <= PER_DOMAIN; n++) {
      await page.locator('fieldset.question').waitFor();
      await fits(page, `question ${n}`);
      const id = await currentItemId(page);
      await answerByMouse(page, itemById(id), true);
      await page.locator('button[type=submit]').click();
      await page.waitForFunction((k) => document.querySelector('fieldset.question')?.dataset.item !== k, id);
    }
    await page.getByRole('heading', { name: t.results_title }).waitFor();
    await fits(page, 'results');
    await page.goto(env.origin + '/#/history');
    await page.getByRole('heading', { name: t.history_title }).waitFor();
    await fits(page, 'history');
    await page.goto(env.origin + '/#/data');
    await page.getByRole('heading', { name: t.data_title }).waitFor();
    await fits(page, 'my data');
    // The other documents: careers, and the classroom's pages.
    await page.goto(env.origin + '/careers.html#/guidance');
    await page.locator('li.specialty').first().waitFor();
    await fits(page, 'careers');
    const link = await createSession(page, env.origin, { title: `Reflow ${lang}`, domains: ['data'], items: 2 });
    await page.locator('svg.qr').waitFor();
    await fits(page, 'session');
    await page.goto(env.origin + '/classroom.html#/classroom');
    await page.locator('#session-title').waitFor();
    await fits(page, 'classroom');
    await page.goto(link);
    await page.locator('#join-name').waitFor();
    await fits(page, 'join');
    await page.goto(env.origin + '/counselor.html#/counselor');
    await page.locator('#counselor-code').waitFor();
    await fits(page, 'counselor');
    page.assertClean();
    await context.close();
  });
}
