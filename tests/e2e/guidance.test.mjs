// Career guidance: after an assessment and the interest questionnaire, a new user gets ranked
// specialties with explanations, demand figures with sources and matching training, in each
// of the three languages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  start, openPage, assertAccessible, itemById, currentItemId, answerByMouse, CATALOGS, fill,
} from './support.mjs';

const GUIDANCE = JSON.parse(readFileSync(new URL('../../static/guidance/guidance.json', import.meta.url), 'utf8'));
const INTERESTS = JSON.parse(readFileSync(new URL('../../static/guidance/interests.json', import.meta.url), 'utf8'));

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

for (const lang of ['en', 'fr', 'ar']) {
  test(`careers in ${lang}: ranked specialties, why, demand with sources, training`, async () => {
    const t = CATALOGS[lang];
    const page = await openPage(env);
    await page.goto(env.origin + '/');
    await page.locator('#language').selectOption(lang);
    await page.getByRole('heading', { name: t.home_title }).waitFor();

    // A fixed form on data and programming, every answer right.
    await page.goto(env.origin + '/#/start');
    await page.locator('input[name=mode]').nth(2).check();
    await page.locator('label.option.all input').uncheck();
    await page.locator('#domain-data').check();
    await page.locator('#domain-programming').check();
    await page.getByRole('button', { name: t.start_button }).click();
    for (let n = 1; n <= 10; n++) {
      await page.getByRole('heading', { name: fill(t.quiz_progress, { n, total: 10 }) }).waitFor();
      await answerByMouse(page, itemById(await currentItemId(page)), true);
      await page.locator('button[type=submit]').click();
    }
    await page.getByRole('heading', { name: t.results_title }).waitFor();
    await page.getByRole('link', { name: t.results_guidance }).click();

    await page.getByRole('heading', { name: t.guidance_title, level: 1 }).waitFor();
    assert.equal(await page.getAttribute('html', 'dir'), lang === 'ar' ? 'rtl' : 'ltr');
    const cards = page.locator('li.specialty');
    await cards.first().waitFor();
    assert.equal(await cards.count(), 5);

    // The questionnaire: like every analysis activity, dislike the others.
    for (const item of INTERESTS.items) {
      const value = item.family === 'analysis' ? '1' : '-1';
      await page.locator(`[id="interest-${item.id}-${value}"]`).check();
    }
    const titles = Object.fromEntries(GUIDANCE.specialties.map((s) => [s.title[lang], s]));
    const first = titles[(await cards.first().locator('h3').textContent()).trim()];
    assert.ok(first, 'the first card is a specialty of the data');
    assert.equal(first.family, 'analysis', `strong in data and liking analysis: ${first.id} first`);

    // Each card explains itself: match, demand, and sources for every figure shown.
    const card = cards.first();
    assert.match(await card.textContent(), new RegExp(fill(t.guidance_match, { percent: '\\d+' }).replace(/[()]/g, '.')));
    const tier = GUIDANCE.demand_tiers.find((x) => x.id === first.demand.tier);
    assert.match(await card.textContent(), new RegExp(tier.title[lang].replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    for (const f of first.demand.figures) assert.match(await card.textContent(), new RegExp(f.source.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    await card.getByRole('heading', { name: t.guidance_tracks_now }).waitFor();

    // The radar has a table beside it with the same levels.
    await page.locator('figure.radar svg').waitFor();
    assert.ok((await page.locator('table.chart-table tbody tr').count()) >= 2);
    await assertAccessible(page, `careers ${lang}`);

    // Answers are kept: after a reload the ranking and the answers are the same.
    await page.reload();
    await cards.first().waitFor();
    assert.equal(titles[(await cards.first().locator('h3').textContent()).trim()].id, first.id);
    assert.ok(await page.locator(`[id="interest-${INTERESTS.items[0].id}-1"]`).isChecked());
    page.assertClean();
    await page.context().close();
  });
}

test('a counselor can change the weights and filter the training', async () => {
  const page = await openPage(env);
  await page.goto(env.origin + '/#/start');
  await page.locator('input[name=mode]').nth(2).check();
  await page.locator('label.option.all input').uncheck();
  await page.locator('#domain-cybersecurity').check();
  await page.getByRole('button', { name: 'Start' }).click();
  for (let n = 1; n <= 5; n++) {
    await page.getByRole('heading', { name: `Question ${n} of 5` }).waitFor();
    await answerByMouse(page, itemById(await currentItemId(page)), true);
    await page.locator('button[type=submit]').click();
  }
  await page.getByRole('link', { name: 'See the careers that fit these results' }).click();
  const cards = page.locator('li.specialty');
  await cards.first().waitFor();
  await page.locator('details.counselor summary').click();
  // Only demand counts: the ranking follows the demand tiers.
  await page.locator('#weight-0').fill('0');
  await page.locator('#weight-1').fill('0');
  await page.locator('#weight-0').dispatchEvent('change');
  await page.locator('#weight-1').dispatchEvent('change');
  const scoreOf = (title) => GUIDANCE.demand_tiers.find((x) => x.id === GUIDANCE.specialties.find((s) => s.title.en === title).demand.tier).score;
  const shown = (await cards.locator('h3').allTextContents()).map((s) => s.trim());
  const scores = shown.map(scoreOf);
  assert.deepEqual(scores, [...scores].sort((a, b) => b - a));
  // Free training only.
  await page.locator('#filter-cost').selectOption('free');
  for (const item of await page.locator('ul.tracks li').allTextContents()) assert.match(item, /Free/);
  page.assertClean();
  await page.context().close();
});
