// Printing: a learner can walk into a counselor's office with a sheet. The results and the
// careers pages print, or save as PDF, on A4, right to left in Arabic, with the page's own
// content and none of its controls.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, openPage, takeFixedForm, CATALOGS, appStarted } from './support.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

/** Checks the page as printed: no header, footer or buttons; a heading starting from the
 * right edge; one or more A4 pages. */
async function assertPrintsInArabic(page, heading) {
  await page.emulateMedia({ media: 'print' });
  for (const hidden of ['.site-header', '.site-footer', '.no-print']) {
    assert.equal(await page.locator(hidden).first().isVisible(), false, `${hidden} is not printed`);
  }
  assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
  const h1 = await page.getByRole('heading', { name: heading, level: 1 }).boundingBox();
  const main = await page.locator('main').boundingBox();
  assert.ok(main.x + main.width - (h1.x + h1.width) < 2, 'the heading starts at the right edge');
  const pdf = await page.pdf({ preferCSSPageSize: true });
  assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
  const boxes = [...pdf.toString('latin1').matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)];
  assert.ok(boxes.length >= 1);
  // A4 is 210 × 297 mm: 595 × 842 points.
  for (const [, w, h] of boxes) assert.ok(Math.abs(w - 595) < 2 && Math.abs(h - 842) < 2, `${w} × ${h}`);
  await page.emulateMedia({ media: 'screen' });
}

test('the results and the careers pages print to A4 in Arabic, right to left, without controls', async () => {
  const ar = CATALOGS.ar;
  const page = await openPage(env);
  await takeFixedForm(page, env.origin, ['networks'], (n) => n % 2 === 0);
  await page.locator('#language').selectOption('ar');
  await page.getByRole('heading', { name: ar.results_title, level: 1 }).waitFor();
  await page.getByRole('button', { name: ar.print_pdf }).waitFor();
  await assertPrintsInArabic(page, ar.results_title);

  await page.getByRole('link', { name: ar.results_guidance }).click();
  await appStarted(page);
  await page.locator('li.specialty').first().waitFor();
  await page.getByRole('button', { name: ar.print_pdf }).waitFor();
  await assertPrintsInArabic(page, ar.guidance_title);
  assert.equal(await page.locator('details.counselor').isVisible(), true, 'on screen, the controls are back');
  page.assertClean();
  await page.context().close();
});
