// The first paint of index.html is the home page itself, prerendered by the release build
// (examples/prerender.rs) in every language, not a splash waiting for the wasm; the app then
// renders the very same page over it. The wasm is held back here to look at the page before
// the app starts.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, openPage, assertAccessible, appStarted, CATALOGS } from './support.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

/** A page whose wasm is not served until `release()` is called. */
async function heldPage(options = {}) {
  const page = await openPage(env, await env.browser.newContext({ serviceWorkers: 'block', ...options }), { waitForApp: false });
  let release;
  const released = new Promise((ok) => { release = ok; });
  await page.route('**/*_bg.wasm', async (route) => { await released; await route.continue(); });
  // Layout shifts and largest paints, from the start of the page.
  await page.addInitScript(() => {
    window.paints = [];
    window.shift = 0;
    new PerformanceObserver((l) => l.getEntries().forEach((e) => window.paints.push(e.startTime)))
      .observe({ type: 'largest-contentful-paint', buffered: true });
    new PerformanceObserver((l) => l.getEntries().forEach((e) => { window.shift += e.value; }))
      .observe({ type: 'layout-shift', buffered: true });
  });
  page.release = async () => {
    const at = await page.evaluate(() => performance.now());
    release();
    await appStarted(page);
    return at;
  };
  return page;
}

/** Once the app has drawn over the prerendered page: nothing moved, and the largest paint
 * came before the wasm was even served. */
async function assertTakenOverInPlace(page, releasedAt) {
  const { paints, shift } = await page.evaluate(() => ({ paints: window.paints, shift: window.shift }));
  assert.equal(shift, 0, 'nothing moved when the app took over');
  assert.ok(paints.length > 0 && paints.at(-1) < releasedAt,
    `the largest paint came before the wasm (${paints.join(', ')} ms, released at ${releasedAt} ms)`);
}

// The page as drawn: its markup, with each field's value as the field holds it (the
// prerenderer writes an empty value as an attribute; the app sets the property), and without
// `inert`, which keeps the prerendered page's fields from use until the app starts.
const shell = (page) => page.evaluate(() => ['header', 'main', 'footer'].map((s) => {
  const part = document.querySelector(s);
  const copy = part.cloneNode(true);
  copy.querySelectorAll('input, textarea').forEach((field) => field.removeAttribute('value'));
  copy.querySelectorAll('[inert]').forEach((field) => field.removeAttribute('inert'));
  const values = [...part.querySelectorAll('input, textarea, select')].map((field) => field.value);
  return copy.outerHTML + JSON.stringify(values);
}).join(''));

for (const [locale, lang, dir] of [['en-US', 'en', 'ltr'], ['fr-FR', 'fr', 'ltr'], ['ar-MA', 'ar', 'rtl']]) {
  test(`a first visit in ${locale} sees the home page in ${lang} before the wasm, then the same page from the app`, async () => {
    const t = CATALOGS[lang];
    const page = await heldPage({ locale });
    await page.goto(env.origin + '/');
    await page.getByRole('heading', { name: t.home_title }).waitFor();
    assert.equal(await page.getAttribute('html', 'lang'), lang);
    assert.equal(await page.getAttribute('html', 'dir'), dir);
    assert.equal(await page.locator('.splash').count(), 0);
    await assertAccessible(page, `prerendered home ${lang}`);
    const before = await shell(page);

    const releasedAt = await page.release();
    await page.getByRole('heading', { name: t.home_title }).waitFor();
    assert.equal(await shell(page), before, 'the app renders exactly the prerendered page');
    assert.equal(await page.getAttribute('html', 'lang'), lang);
    await assertTakenOverInPlace(page, releasedAt);
    page.assertClean();
    await page.context().close();
  });
}

// The other documents' first pages, in French: their own messages are fetched before the
// app's first render, so the prerendered page is not replaced by an English one.
const FIRST_PAGES = [
  ['careers.html#/guidance', 'guidance_title'],
  ['classroom.html#/classroom', 'classroom_title'],
  ['counselor.html#/counselor', 'counselor_title'],
  ['questions.html#/questions', 'questions_title'],
];
for (const [address, key] of FIRST_PAGES) {
  test(`a first visit to ${address} in French sees its page before the wasm, then the same page from the app`, async () => {
    const title = CATALOGS.fr[key];
    const page = await heldPage({ locale: 'fr-FR' });
    await page.goto(env.origin + '/' + address);
    await page.getByRole('heading', { name: title, level: 1 }).waitFor();
    assert.equal(await page.getAttribute('html', 'lang'), 'fr');
    assert.equal(await page.locator('.splash').count(), 0);
    await assertAccessible(page, `prerendered ${address}`);
    const fields = page.locator('main input, main textarea, main button');
    if (await fields.count() > 0) {
      assert.ok(await fields.evaluateAll((all) => all.every((f) => f.closest('[inert]'))),
        'nothing can be typed that the app would then draw over');
    }
    const before = await shell(page);

    const releasedAt = await page.release();
    await page.getByRole('heading', { name: title, level: 1 }).waitFor();
    assert.equal(await shell(page), before, 'the app renders exactly the prerendered page');
    await assertTakenOverInPlace(page, releasedAt);
    page.assertClean();
    await page.context().close();
  });
}

test('before the app starts, the language menu and the skip link already work', async () => {
  const page = await heldPage({ locale: 'en-US' });
  await page.goto(env.origin + '/');
  await page.getByRole('heading', { name: CATALOGS.en.home_title }).waitFor();
  await page.locator('#language').selectOption('ar');
  await page.getByRole('heading', { name: CATALOGS.ar.home_title }).waitFor();
  assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'language');
  await page.locator('.skip-link').focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'main');
  assert.equal(new URL(page.url()).hash, '', 'the skip link does not change the route');

  await page.release();
  await page.getByRole('heading', { name: CATALOGS.ar.home_title }).waitFor();
  assert.equal(await page.locator('#language').inputValue(), 'ar');
  assert.equal(await page.getAttribute('html', 'lang'), 'ar');
  page.assertClean();
  await page.context().close();
});

test('another page, or stored data the first page would show, keep the splash: no stale page flashes', async () => {
  const cases = [
    ['#/start', null],
    ['', JSON.stringify({ schema: 4, current: { id: 'x' }, history: [] })],
    ['', JSON.stringify({ schema: 4, current: null, history: [{ id: 'y' }] })],
    // The history in its own key (schema 6).
    ['', JSON.stringify({ schema: 6, current: null, sessions: [] }), { 'kafaa.history': JSON.stringify([{ id: 'y' }]) }],
    // Unreadable stored data: the app explains it; the page does not guess.
    ['', '{not json'],
    // What the other documents' first pages show: results, sessions, a counselor key, questions.
    ['careers.html#/guidance', JSON.stringify({ schema: 6, current: null }), { 'kafaa.history': JSON.stringify([{ id: 'y' }]) }],
    ['classroom.html#/classroom', JSON.stringify({ schema: 6, current: null }), { 'kafaa.session.0123456789abcdef': '{}' }],
    ['classroom.html#/classroom', JSON.stringify({ schema: 5, current: null, sessions: [{}] })],
    ['counselor.html#/counselor', JSON.stringify({ schema: 6, current: null, counselor: { secret_key: 'k' } })],
    ['questions.html#/questions', JSON.stringify({ schema: 6, current: null }), { 'kafaa.questions': '"{}"' }],
    ['classroom.html#/join', null],
  ];
  for (const [hash, stored, parts = {}] of cases) {
    const page = await heldPage();
    if (stored) await page.addInitScript(([s, parts]) => {
      localStorage.setItem('kafaa', s);
      for (const [k, v] of Object.entries(parts)) localStorage.setItem(k, v);
    }, [stored, parts]);
    await page.goto(env.origin + '/' + hash);
    await page.locator('.splash').waitFor({ state: 'attached' });
    assert.equal(await page.locator('main').count(), 0, `${hash || stored}: no prerendered page`);
    await page.context().close();
  }
});

test('when the app cannot start, each document says so in all three languages, with a way to reload', async () => {
  for (const doc of ['', 'classroom.html#/classroom']) {
    const context = await env.browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.route('**/*_bg.wasm', (route) => route.abort());
    await page.goto(env.origin + '/' + doc);
    const alert = page.getByRole('alert');
    await alert.getByText('Kafaa could not start.', { exact: false }).waitFor();
    assert.match(await alert.textContent(), /n'a pas pu démarrer[\s\S]*تعذّر تشغيل كفاءة/);
    await assertAccessible(page, `not started ${doc || 'index'}`);
    await page.unroute('**/*_bg.wasm');
    await alert.getByRole('button', { name: /Reload/ }).click();
    await appStarted(page);
    assert.equal(page.url(), env.origin + '/' + doc, 'the reload keeps the address');
    await context.close();
  }
});

test('after a bug the app cannot recover from, each document says so in its language, with a way to reload', async () => {
  // The app's panic hook gives the loader its words (checked in tests/web.rs); here, the
  // loader's side, in French, with texts that must show as text.
  for (const doc of ['#/start', 'careers.html#/guidance', 'classroom.html#/classroom']) {
    const page = await openPage(env);
    await page.goto(env.origin + '/' + doc);
    await appStarted(page);
    await page.locator('#language').selectOption('fr');
    await page.waitForFunction(() => document.documentElement.lang === 'fr');
    await page.evaluate(([text, reload]) => window.kafaaStopped(text, reload),
      [CATALOGS.fr.notice_crashed + ' <b>', CATALOGS.fr.notice_update_reload]);
    const alert = page.getByRole('alert');
    await alert.getByText(CATALOGS.fr.notice_crashed + ' <b>').waitFor();
    assert.equal(await alert.locator('b').count(), 0, 'texts are shown as text');
    await assertAccessible(page, `stopped ${doc}`);
    await alert.getByRole('button', { name: CATALOGS.fr.notice_update_reload }).click();
    await appStarted(page);
    assert.equal(page.url(), env.origin + '/' + doc, 'the reload keeps the address');
    await page.context().close();
  }
});

test('a script or wasm that is not the one built is refused, and the page says the app could not start', async () => {
  // Each change keeps the file valid (a comment; an extra custom section), so only its
  // integrity hash can tell.
  const changes = {
    '**/kafaa-*.js': (body) => Buffer.concat([body, Buffer.from('\n// changed\n')]),
    '**/kafaa-*_bg.wasm': (body) => Buffer.concat([body, Buffer.from([0, 3, 1, 0x78, 0])]),
  };
  for (const [pattern, change] of Object.entries(changes)) {
    const context = await env.browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.route(pattern, async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, body: change(await response.body()) });
    });
    await page.goto(env.origin + '/');
    await page.getByRole('alert').getByText('Kafaa could not start.', { exact: false }).waitFor();
    await context.close();
  }
});
