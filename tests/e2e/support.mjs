// Shared setup for the end-to-end tests: Debian's Chromium driven by playwright-core against
// the release build in dist/, served on a free local port.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/static-server.mjs';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic',
];

const read = (path) => JSON.parse(readFileSync(new URL(`../../static/${path}`, import.meta.url), 'utf8'));

/** The shipped index, every item by id, and the UI catalogs: to answer questions right or
 * wrong on purpose and to expect the texts of each language. */
export const INDEX = read('content/index.json');
/** The assessment settings, and the fixed form's questions per domain. */
export const SETTINGS = read('content/assessment.json');
export const PER_DOMAIN = SETTINGS.modes.find((m) => m.id === 'fixed').rule.fixed.items_per_domain;
const ITEMS = Object.fromEntries(
  INDEX.domains.flatMap((d) => read(`content/${d.file}`).items.map((i) => [i.id, i])));
export const itemById = (id) => ITEMS[id];
/** Every UI message of a language: the core catalog and each document's own part. */
const catalog = (lang) => ({ ...read(`i18n/${lang}.json`), ...read(`i18n/careers/${lang}.json`), ...read(`i18n/classroom/${lang}.json`), ...read(`i18n/questions/${lang}.json`) });
export const CATALOGS = { en: catalog('en'), fr: catalog('fr'), ar: catalog('ar') };
export const domainTitle = (id, lang = 'en') => INDEX.domains.find((d) => d.id === id).title[lang];

/** Fills a catalog template's {name} slots. */
export const fill = (template, args) => template.replace(/\{(\w+)\}/g, (_, k) => String(args[k]));

/** The release build. */
export const DIST = new URL('../../dist', import.meta.url).pathname;

/** Starts the server (on `root`, the release build by default) and the browser; returns what
 * tests need, and `close`. */
export async function start(root = DIST) {
  const server = await serve(root, 0);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  return {
    origin,
    browser,
    async close() {
      await browser.close();
      await new Promise((ok) => server.close(ok));
    },
  };
}

/**
 * A fresh page that fails the test on any request leaving the origin, any uncaught error and
 * any console error (a panic in wasm shows up as both).
 */
export async function openPage(env, context, { waitForApp = true } = {}) {
  // Without a service worker by default, so that routed (faked) responses reach the page;
  // the offline tests bring their own context with it.
  const ctx = context ?? (await env.browser.newContext({ serviceWorkers: 'block' }));
  const page = await ctx.newPage();
  // A document's first page is prerendered, its fields inert until the app starts (see
  // static/prerendered.js): as a user would, a test waits for the app before using them.
  if (waitForApp) {
    for (const name of ['goto', 'reload']) {
      const load = page[name].bind(page);
      page[name] = async (...args) => {
        const response = await load(...args);
        await page.waitForFunction(() => !document.querySelector('template[data-route]'));
        return response;
      };
    }
  }
  // The release build has a strict Content-Security-Policy; anything it blocks fails the test.
  await page.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) => {
    console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
  }));
  const problems = [];
  // Files the test expects to fail to load (a language's questions never kept, offline).
  const expectedFailures = [];
  page.expectFailedLoads = (pattern) => expectedFailures.push(pattern);
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(env.origin) && !url.startsWith('data:')) problems.push(`request left the origin: ${url}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    const expected = m.text().startsWith('Failed to load resource')
      && expectedFailures.some((p) => p.test(m.location().url ?? ''));
    if (m.type() === 'error' && !expected) problems.push(`console error: ${m.text()} (${m.location().url})`);
  });
  page.assertClean = () => assert.deepEqual(problems, [], problems.join('\n'));
  return page;
}

/** Waits until the app has started: the splash and the prerendered templates of index.html
 * are gone (the app replaces the whole body), not just until a heading is there (the
 * prerendered home page has one before the wasm runs). */
/** Opens the app in a new page and switches it to `lang`; returns the page. */
export async function openIn(env, lang) {
  const page = await openPage(env);
  await page.goto(env.origin + '/');
  await appStarted(page);
  await page.locator('#language').selectOption(lang);
  await page.getByRole('heading', { name: CATALOGS[lang].home_title }).waitFor();
  return page;
}

export async function appStarted(page) {
  await page.waitForFunction(() => !document.querySelector('template, .splash') && document.querySelector('main'));
}

/** Runs axe-core on the page; fails on any serious or critical violation. */
export async function assertAccessible(page, label) {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  assert.deepEqual(violations, [], `${label}: ${violations.join('\n')}`);
}

/** The id of the item on screen. */
export async function currentItemId(page) {
  return page.locator('fieldset.question').getAttribute('data-item');
}

/** The option ids of the question on screen in the order shown (options are shuffled per
 * attempt): choice inputs' values, or an ordering list's items. */
async function shownOrder(page, item) {
  const prefix = `q-${item.id}-`;
  if (item.type === 'ordering') {
    return page.locator('fieldset.question ol.ordering button[id$="-up"]')
      .evaluateAll((bs, p) => bs.map((b) => b.id.slice(p.length, -3)), prefix);
  }
  return page.locator('fieldset.question input').evaluateAll((is) => is.map((i) => i.value));
}

/** Moves an ordering question's items into `target` with their "up" buttons, pressed by
 * `press`; keeps the order as it is when nothing needs to move. */
async function order(page, item, target, press) {
  const current = await shownOrder(page, item);
  let moved = false;
  for (let p = 0; p < target.length; p++) {
    for (let at = current.indexOf(target[p]); at > p; at--) {
      await press(`[id="q-${item.id}-${target[p]}-up"]`);
      current.splice(at - 1, 0, current.splice(at, 1)[0]);
      moved = true;
    }
  }
  return moved;
}

/** Answers the question on screen with mouse and form controls: right, or deliberately wrong. */
export async function answerByMouse(page, item, right) {
  const q = (suffix) => page.locator(`[id="q-${item.id}-${suffix}"]`);
  if (item.type === 'true_false') {
    await q(String(right ? item.answer : !item.answer)).check();
  } else if (item.type === 'single_choice') {
    await q(right ? item.answer : item.options.find((o) => o.id !== item.answer).id).check();
  } else if (item.type === 'multiple_select') {
    const ids = right ? item.answer : [item.options.find((o) => !item.answer.includes(o.id)).id];
    for (const id of ids) await q(id).check();
  } else if (item.type === 'ordering') {
    const target = right ? item.answer : [...item.answer].reverse();
    if (!(await order(page, item, target, (selector) => page.locator(selector).click()))) {
      await page.locator('fieldset.question button.quiet').click();
    }
  } else if (item.type === 'matching') {
    for (const [option, target] of Object.entries(item.answer)) {
      const wrong = item.targets.find((t) => t.id !== target).id;
      const first = option === Object.keys(item.answer)[0];
      await q(option).selectOption(right || !first ? target : wrong);
    }
  }
}

/** The heading text, once it says which question is shown. */
export async function questionHeading(page) {
  return (await page.locator('h1.quiz-heading').textContent()).trim();
}

/** Tabs forward until the focused element matches `selector` (at most 20 presses). */
export async function tabTo(page, selector) {
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s), selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** Takes the fixed form ([`PER_DOMAIN`] questions per domain) in `domains` with the mouse, answering right
 * when `right(n)` says so, and waits for the results. */
export async function takeFixedForm(page, origin, domains, right = () => true) {
  await page.goto(origin + '/#/start');
  await page.getByLabel(/Fixed form/).check();
  await page.getByLabel('All domains').uncheck();
  for (const d of domains) await page.locator(`#domain-${d}`).check();
  await page.getByRole('button', { name: 'Start' }).click();
  const total = PER_DOMAIN * domains.length;
  for (let n = 1; n <= total; n++) {
    await page.getByRole('heading', { name: `Question ${n} of ${total}` }).waitFor();
    await answerByMouse(page, itemById(await currentItemId(page)), right(n));
    await page.locator('button[type=submit]').click();
  }
  await page.getByRole('heading', { name: 'Your results' }).waitFor();
}

/** Takes a session quiz of `total` questions from its first screen, answering right when
 * `right(n)` says so, and returns the result code. Works in any language (no texts). Items
 * are looked up by `lookup` (the shipped bank's by default; a teacher's own otherwise), and
 * each question's text as shown is added to `seen`. */
export async function takeSessionQuiz(page, total, right, lookup = itemById, seen = []) {
  let previous = null;
  for (let n = 1; n <= total; n++) {
    await page.waitForFunction((prev) => {
      const q = document.querySelector('fieldset.question');
      return q && q.dataset.item !== prev;
    }, previous);
    previous = await currentItemId(page);
    seen.push(await page.locator('fieldset.question legend').innerText());
    await answerByMouse(page, lookup(previous), right(n));
    await page.locator('button[type=submit]').click();
  }
  await page.locator('section.results').waitFor();
  await page.locator('a[href*="#/code/"]').click();
  const code = page.locator('#result-code');
  await code.waitFor();
  await page.locator('svg.qr').waitFor();
  return (await code.inputValue()).trim();
}

/** Creates a fixed-form session in the classroom page (English) and returns its link. */
/** Joins a classroom session as a student: its link opened and the name given. */
export async function joinSession(page, link, name) {
  await page.goto(link);
  await page.locator('#join-name').fill(name);
  await page.locator('form button[type=submit]').click();
}

export async function createSession(page, origin, { title, domains, items, languages = [] }) {
  await page.goto(origin + '/classroom.html#/classroom');
  await page.locator('#session-title').fill(title);
  await page.locator('#session-mode-fixed').check();
  for (const d of domains) await page.locator(`#session-domain-${d}`).check();
  await page.locator('#session-items').fill(String(items));
  for (const l of languages) await page.locator(`#session-lang-${l}`).check();
  await page.locator('form.new-session button[type=submit]').click();
  await page.getByRole('heading', { name: title, level: 1 }).waitFor();
  return page.locator('#session-link').inputValue();
}

/** Answers the question on screen with the keyboard only: right, or deliberately wrong. */
export async function answerByKeyboard(page, right) {
  const item = itemById(await currentItemId(page));
  const q = (suffix) => `[id="q-${item.id}-${suffix}"]`;
  if (item.type === 'multiple_select') {
    const ids = await shownOrder(page, item);
    const wanted = right ? item.answer : [ids.find((id) => !item.answer.includes(id))];
    await tabTo(page, 'fieldset.question input');
    for (const [i, id] of ids.entries()) {
      if (i > 0) await page.keyboard.press('Tab');
      if (wanted.includes(id)) await page.keyboard.press('Space');
    }
  } else if (item.type === 'ordering') {
    // Move buttons, pressed with Enter; after a move, focus stays on the moved item.
    const target = right ? item.answer : [...item.answer].reverse();
    const press = async (selector) => { await page.focus(selector); await page.keyboard.press('Enter'); };
    if (!(await order(page, item, target, press))) {
      await tabTo(page, 'fieldset.question button.quiet');
      await page.keyboard.press('Enter');
    }
  } else if (item.type === 'matching') {
    // Each drop-down, reached with Tab, takes its target by typing arrows.
    const options = Object.keys(item.answer);
    for (const [i, option] of options.entries()) {
      await tabTo(page, q(option));
      const wanted = right || i > 0 ? item.answer[option] : item.targets.find((t) => t.id !== item.answer[option]).id;
      const shown = await page.locator(`${q(option)} option`).evaluateAll((os) => os.map((o) => o.value));
      const steps = shown.indexOf(wanted);
      for (let k = 0; k < steps; k++) await page.keyboard.press('ArrowDown');
    }
  } else {
    const values = item.type === 'true_false' ? [true, false] : await shownOrder(page, item);
    const key = values.indexOf(item.answer);
    const target = right ? key : (key + 1) % values.length;
    await tabTo(page, 'fieldset.question input');
    await page.keyboard.press('Space');
    for (let i = 0; i < target; i++) await page.keyboard.press('ArrowDown');
  }
  await tabTo(page, 'button[type=submit]');
  await page.keyboard.press('Enter');
}

/** Clicks the download button named `name` and returns the saved file's name and text. */
export async function downloaded(page, name) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name, exact: true }).click(),
  ]);
  return { name: download.suggestedFilename(), text: readFileSync(await download.path(), 'utf8') };
}
