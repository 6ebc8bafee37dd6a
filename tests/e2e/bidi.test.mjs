// Arabic reads right to left even where a text starts with a Latin term: each text takes the
// interface language's direction, and its first word sits at the right edge of its first line
// (measured by element geometry). Items web-22 (its explanation) and sec-06 (its options) are
// the ones the content review found scrambled.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, openIn, itemById, currentItemId, answerByMouse, PER_DOMAIN } from './support.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

/** Where the text's first word ends on the right, and where its first line ends. */
async function firstWordAndLine(locator) {
  return locator.evaluate((el) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    let node = walker.nextNode();
    while (node && !node.textContent.trim()) node = walker.nextNode();
    const text = node.textContent;
    const from = text.search(/\S/);
    const to = from + text.slice(from).search(/\s|$/);
    const range = document.createRange();
    range.setStart(node, from);
    range.setEnd(node, to);
    return { word: text.slice(from, to), right: range.getBoundingClientRect().right, line: el.getClientRects()[0].right };
  });
}

async function assertStartsAtRight(locator, label) {
  const { word, right, line } = await firstWordAndLine(locator);
  assert.ok(Math.abs(right - line) < 2, `${label}: "${word}" ends at ${right}, its line at ${line}`);
}

test('in Arabic, sec-06 options and the web-22 explanation start at the right edge', async () => {
  const page = await openIn(env, 'ar');
  await page.goto(env.origin + '/#/start');
  await page.locator('#mode-fixed').check();
  await page.locator('fieldset.domains label.all input').uncheck();
  await page.locator('#domain-cybersecurity').check();
  await page.locator('#domain-web').check();
  await page.locator('button[type=submit]').click();
  await page.locator('fieldset.question').waitFor();
  // The drawn form, with sec-06 first and web-22 second (swapped with wherever they were).
  await page.evaluate(() => {
    const store = JSON.parse(localStorage.getItem('kafaa'));
    const items = store.current.items;
    for (const [at, id] of [[0, 'sec-06'], [1, 'web-22']]) {
      const was = items.indexOf(id);
      if (was >= 0) items[was] = items[at];
      items[at] = id;
    }
    localStorage.setItem('kafaa', JSON.stringify(store));
  });
  await page.reload();
  await page.locator('fieldset.question[data-item="sec-06"]').waitFor();
  assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
  const options = page.locator('fieldset.question .option span');
  for (let i = 0; i < (await options.count()); i++) await assertStartsAtRight(options.nth(i), `sec-06 option ${i}`);

  const total = 2 * PER_DOMAIN;
  for (let n = 1; n <= total; n++) {
    const id = await currentItemId(page);
    await answerByMouse(page, itemById(id), true);
    await page.locator('button[type=submit]').click();
    if (n < total) await page.locator(`fieldset.question:not([data-item="${id}"])`).waitFor();
  }
  const explanation = page.locator('.review .explanation-text', { hasText: itemById('web-22').explanation.ar.slice(0, 12) });
  await explanation.waitFor();
  await assertStartsAtRight(explanation, 'web-22 explanation');
  page.assertClean();
});
