// What the levels rest on: a full assessment taken over two sittings, domain by domain, and
// the "About these levels" page, whose figures are the simulation's, in every language.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  start, openPage, openIn, assertAccessible, itemById, currentItemId, answerByMouse, CATALOGS, fill, domainTitle, appStarted,
  SETTINGS, PER_DOMAIN,
} from './support.mjs';

const PRECISION = JSON.parse(readFileSync(new URL('../../static/content/precision.json', import.meta.url), 'utf8'));
const FULL = SETTINGS.modes.find((m) => m.id === 'full').rule.adaptive;

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

/** Answers the question on screen and waits for the next screen. */
async function answer(page, right) {
  const id = await currentItemId(page);
  await answerByMouse(page, itemById(id), right);
  await page.locator('button[type=submit]').click();
  await page.waitForFunction((k) => document.querySelector('fieldset.question')?.dataset.item !== k, id);
  return id;
}

test('a full assessment is taken over two sittings, domain by domain', async () => {
  const page = await openPage(env);
  await page.goto(env.origin + '/#/start');
  await page.getByLabel(/Full assessment/).check();
  await page.getByLabel('All domains').uncheck();
  for (const d of ['safety', 'testing']) await page.locator(`#domain-${d}`).check();
  // The length stated is the rule's, per domain and in all.
  await page.getByText(`Each domain: ${FULL.min_items} to ${FULL.max_items} questions`, { exact: false }).waitFor();
  await page.getByText(`In all: ${2 * FULL.min_items} to ${2 * FULL.max_items} questions.`, { exact: false }).waitFor();
  await page.getByRole('button', { name: 'Start' }).click();

  // The first domain, to its end: every question is of that domain.
  const progress = page.locator('.domain-progress');
  await progress.waitFor();
  assert.equal(await progress.textContent(), `${domainTitle('safety')}: in progress · ${domainTitle('testing')}: to come`);
  let asked = 0;
  while (itemById(await currentItemId(page)).domain === 'safety') {
    await answer(page, asked % 3 !== 0);
    asked += 1;
    await page.locator('fieldset.question').waitFor();
  }
  assert.ok(asked >= FULL.min_items && asked <= FULL.max_items, `${asked} questions in the first domain`);
  // The first question of the next domain says the learner may stop here.
  const notice = page.locator('.notice.sitting');
  assert.match(await notice.textContent(), new RegExp(`^${domainTitle('safety')}: finished\\. ${domainTitle('testing')} starts here\\.`));
  assert.equal(await progress.textContent(), `${domainTitle('safety')}: finished · ${domainTitle('testing')}: in progress`);
  await assertAccessible(page, 'first question of the second domain');

  // Stop for now: the home page says how far the assessment has come, even after a reload.
  await notice.getByRole('link', { name: 'Stop for now' }).click();
  await page.getByText('1 of 2 domains finished.').waitFor();
  await page.reload();
  await appStarted(page);
  await page.getByText('1 of 2 domains finished.').waitFor();

  // The second sitting starts where the first ended.
  await page.getByRole('link', { name: 'Resume your quiz' }).click();
  await page.getByRole('heading', { name: `Question ${asked + 1}`, exact: true }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.textContent), `Question ${asked + 1}`);
  await notice.waitFor();
  for (;;) {
    await page.locator('fieldset.question, section.results, h1:has-text("Your results")').first().waitFor();
    if (await page.getByRole('heading', { name: 'Your results' }).count()) break;
    assert.equal(itemById(await currentItemId(page)).domain, 'testing');
    await answer(page, true);
  }
  await page.getByRole('heading', { name: 'Your results' }).waitFor();
  assert.equal(await page.locator('.level-card').count(), 2);
  // Each level says what it rests on, and links to how precise the levels are.
  assert.match(await page.locator('.level-card').first().textContent(), new RegExp(`Based on ${asked} answers`));
  await page.getByRole('link', { name: 'How precise are these levels?' }).click();
  await page.getByRole('heading', { name: 'About these levels' }).waitFor();
  page.assertClean();
  await page.context().close();
});

for (const lang of ['en', 'fr', 'ar']) {
  test(`"About these levels" shows the simulated figures in ${lang}`, async () => {
    const t = CATALOGS[lang];
    const page = await openIn(env, lang);
    await page.goto(env.origin + '/careers.html#/levels');
    await page.getByRole('heading', { name: t.about_title }).waitFor();
    assert.equal(await page.getAttribute('html', 'lang'), lang);
    assert.equal(await page.getAttribute('html', 'dir'), lang === 'ar' ? 'rtl' : 'ltr');
    const table = page.locator('table.about-levels');
    await table.waitFor();
    // One column per mode, in the settings' order, with the mode's title.
    const heads = await table.locator('thead th').allTextContents();
    assert.deepEqual(heads.slice(1), SETTINGS.modes.map((m) => m.title[lang]));
    // The row of right levels carries the file's figures, rounded to whole percents.
    const right = table.locator('tbody tr', { hasText: t.about_right }).first();
    const cells = await right.locator('td').allTextContents();
    const expected = SETTINGS.modes.map((m) => {
      const p = PRECISION.modes.find((x) => x.mode === m.id);
      return fill(t.about_percent, { value: Math.round(100 * p.right_level) });
    });
    assert.deepEqual(cells.map((c) => c.trim()), expected);
    await page.getByText(fill(t.about_intro, { n: PRECISION.learners_per_domain }).slice(0, 30), { exact: false }).waitFor();
    await assertAccessible(page, `about levels ${lang}`);
    page.assertClean();
    await page.context().close();
  });
}

test('options are shown in an order of the attempt, the same after a reload', async () => {
  const page = await openPage(env);
  await page.goto(env.origin + '/#/start');
  await page.getByLabel(/Fixed form/).check();
  await page.getByLabel('All domains').uncheck();
  await page.locator('#domain-data').check();
  await page.getByRole('button', { name: 'Start' }).click();
  const shown = () => page.locator('fieldset.question input[type=radio], fieldset.question input[type=checkbox], fieldset.question ol.ordering button[id$="-up"]')
    .evaluateAll((els) => els.map((e) => e.value || e.id.replace(/-up$/, '').split('-').pop()));
  let reordered = 0;
  let choiceItems = 0;
  for (let n = 1; n <= PER_DOMAIN; n++) {
    await page.getByRole('heading', { name: `Question ${n} of ${PER_DOMAIN}` }).waitFor();
    const item = itemById(await currentItemId(page));
    if (['single_choice', 'multiple_select', 'ordering'].includes(item.type)) {
      choiceItems += 1;
      const order = await shown();
      assert.deepEqual([...order].sort(), item.options.map((o) => o.id).sort());
      if (order.join() !== item.options.map((o) => o.id).join()) reordered += 1;
      if (item.type === 'ordering') assert.notDeepEqual(order, item.answer, 'an ordering item never starts solved');
      await page.reload();
      await page.getByRole('heading', { name: `Question ${n} of ${PER_DOMAIN}` }).waitFor();
      assert.deepEqual(await shown(), order, 'a reload keeps the order');
    }
    await answer(page, true);
  }
  assert.ok(choiceItems >= 6 && reordered >= choiceItems / 2, `${reordered} of ${choiceItems} items reordered`);
  await page.getByRole('heading', { name: 'Your results' }).waitFor();
  assert.equal((await page.locator('.overall').textContent()).trim(), `${PER_DOMAIN} of ${PER_DOMAIN} correct (100%)`);
  page.assertClean();
  await page.context().close();
});

test('a pilot question is asked, said to be a trial, and counted nowhere', async () => {
  const page = await openPage(env);
  await page.route('**/content/assessment.json', async (route) => {
    const settings = JSON.parse(readFileSync(new URL('../../static/content/assessment.json', import.meta.url), 'utf8'));
    settings.pilots = { per_domain: 1, items: [{ domain: 'ai', id: 'ai-05' }] };
    await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(settings) });
  });
  await page.goto(env.origin + '/#/start');
  await page.getByLabel(/Fixed form/).check();
  await page.getByLabel('All domains').uncheck();
  await page.locator('#domain-ai').check();
  const total = PER_DOMAIN + 1;
  await page.getByText(`${total} questions in all`).waitFor();
  await page.getByText('A domain may include 1 trial question that is not scored').waitFor();
  await page.getByRole('button', { name: 'Start' }).click();
  let sawPilot = false;
  for (let n = 1; n <= total; n++) {
    await page.getByRole('heading', { name: `Question ${n} of ${total}` }).waitFor();
    const id = await currentItemId(page);
    sawPilot ||= id === 'ai-05';
    await answer(page, id !== 'ai-05');
  }
  assert.ok(sawPilot, 'the pilot was asked');
  await page.getByRole('heading', { name: 'Your results' }).waitFor();
  // The wrong answer to the pilot counts nowhere: every scored answer was right.
  assert.equal((await page.locator('.overall').textContent()).trim(), `${PER_DOMAIN} of ${PER_DOMAIN} correct (100%)`);
  assert.match(await page.locator('.level-card').textContent(), new RegExp(`Based on ${PER_DOMAIN} answers`));
  const pilot = page.locator('.review-item', { hasText: itemById('ai-05').stem.en });
  assert.match(await pilot.textContent(), /A trial question: it helps calibrate new questions/);
  await assertAccessible(page, 'results with a pilot');
  page.assertClean();
  await page.context().close();
});
