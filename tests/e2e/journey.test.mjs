// A young person's journeys: a fixed form by keyboard only, quizzes interrupted by a reload,
// an adaptive quick check to its stopping rule and beyond, a whole quiz in each language,
// all found in the history; axe-core on every page on the way.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  start, openPage, assertAccessible, itemById, currentItemId, questionHeading, tabTo, answerByMouse, answerByKeyboard,
  CATALOGS, domainTitle, fill, appStarted, PER_DOMAIN, SETTINGS,
} from './support.mjs';

/** The quick check's rule, per domain. */
const QUICK = SETTINGS.modes.find((m) => m.id === 'quick').rule.adaptive;

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

/** Picks a mode and some domains on the start page with the mouse, then starts. */
async function startQuiz(page, { mode = /Fixed form/, domains }) {
  await page.goto(env.origin + '/#/start');
  await page.getByLabel(mode).check();
  await page.getByLabel('All domains').uncheck();
  for (const d of domains) await page.locator(`#domain-${d}`).check();
  await page.getByRole('button', { name: 'Start' }).click();
}

test('a quiz taken with the keyboard only is scored and reviewed', async () => {
  const page = await openPage(env);
  await page.goto(env.origin + '/');
  await appStarted(page);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await page.getAttribute('html', 'dir'), 'ltr');
  await assertAccessible(page, 'home');

  await tabTo(page, 'a.button.primary');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Choose your quiz' }).waitFor();
  await assertAccessible(page, 'start');
  // The first mode is checked; arrows move to the third, the fixed form.
  await tabTo(page, 'input[name=mode]');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await tabTo(page, 'label.option.all input');
  await page.keyboard.press('Space');
  for (const d of ['programming', 'web', 'data']) {
    await tabTo(page, `#domain-${d}`);
    await page.keyboard.press('Space');
  }
  await page.getByText(`${3 * PER_DOMAIN} questions in all`).waitFor();
  await tabTo(page, 'button[type=submit]');
  await page.keyboard.press('Enter');

  const missed = [];
  const total = 3 * PER_DOMAIN;
  for (let n = 1; n <= total; n++) {
    await page.getByRole('heading', { name: `Question ${n} of ${total}` }).waitFor();
    // Focus moves to each new question, so keyboard and screen-reader users start there.
    assert.equal(await page.evaluate(() => document.activeElement.textContent), `Question ${n} of ${total}`);
    if (n === 1) await assertAccessible(page, 'quiz');
    const right = n !== 2 && n !== 7;
    if (!right) missed.push(await currentItemId(page));
    await answerByKeyboard(page, right);
  }

  await page.getByRole('heading', { name: 'Your results' }).waitFor();
  // A fixed form shows the percentage beside the levels.
  assert.equal((await page.locator('.overall').textContent()).trim(), `${total - 2} of ${total} correct (${Math.round((100 * (total - 2)) / total)}%)`);
  assert.equal(await page.locator('table.domain-scores tbody tr').count(), 3);
  assert.equal(await page.locator('.level-card').count(), 3);
  assert.match(await page.locator('.level-card').first().textContent(), /Likely range \(80%\)/);
  assert.equal(await page.locator('.review-item').count(), total);
  assert.equal(await page.locator('.review-item[data-verdict=wrong]').count(), 2);
  const wrong = page.locator('.review-item[data-verdict=wrong]').first();
  assert.match(await wrong.textContent(), /Correct answer:/);
  assert.match(await wrong.textContent(), /Why:/);
  const missedStems = missed.map((id) => itemById(id).stem.en);
  assert.ok(missedStems.includes((await wrong.locator('.stem').textContent()).trim()));
  await assertAccessible(page, 'results');
  page.assertClean();
  await page.context().close();
});

test('a reload in the middle of a quiz resumes at the same question with the answers kept', async () => {
  const F = PER_DOMAIN;
  const page = await openPage(env);
  await startQuiz(page, { domains: ['programming'] });

  const chosen = [];
  for (let n = 1; n <= 3; n++) {
    await page.getByRole('heading', { name: `Question ${n} of ${F}` }).waitFor();
    const item = itemById(await currentItemId(page));
    chosen.push(item);
    await answerByMouse(page, item, true);
    await page.getByRole('button', { name: 'Next' }).click();
  }
  await page.getByRole('heading', { name: `Question 4 of ${F}` }).waitFor();
  const fourth = await currentItemId(page);

  await page.reload();
  await page.getByRole('heading', { name: `Question 4 of ${F}` }).waitFor();
  assert.equal(await currentItemId(page), fourth);
  assert.equal(await questionHeading(page), `Question 4 of ${F}`);
  await page.getByText(`3 of ${F} answered`).waitFor();
  await page.getByRole('button', { name: 'Previous' }).click();
  await page.getByRole('heading', { name: `Question 3 of ${F}` }).waitFor();
  assert.equal(await currentItemId(page), chosen[2].id);

  // A closed tab is a reload of a new page: open the app again in a new tab of the same profile.
  const again = await openPage(env, page.context());
  await page.close();
  await again.goto(env.origin + '/');
  await again.getByText(`You stopped at question 3 of ${F}.`).waitFor();
  await again.getByRole('link', { name: 'Resume your quiz' }).click();
  await again.getByRole('heading', { name: `Question 3 of ${F}` }).waitFor();

  // Finishing with unanswered questions asks first.
  for (let n = 4; n <= F; n++) {
    await again.getByRole('button', { name: 'Next' }).click();
    await again.getByRole('heading', { name: `Question ${n} of ${F}` }).waitFor();
  }
  await again.getByRole('button', { name: 'See my results' }).click();
  await again.getByText(`${F - 3} questions are unanswered and will count as wrong.`).waitFor();
  await again.getByRole('button', { name: 'Finish anyway' }).click();
  await again.getByRole('heading', { name: 'Your results' }).waitFor();
  assert.equal((await again.locator('.overall').textContent()).trim(), `3 of ${F} correct (${Math.round(300 / F)}%)`);

  await again.getByRole('link', { name: 'History', exact: true }).first().click();
  await again.getByRole('heading', { name: 'Your past quizzes' }).waitFor();
  // The history's document fetches the quiz's domains before it lists it.
  await again.locator('table.history tbody tr').first().waitFor();
  assert.equal(await again.locator('table.history tbody tr').count(), 1);
  await assertAccessible(again, 'history');
  await again.getByRole('link', { name: 'Open' }).click();
  await again.getByRole('heading', { name: 'Your results' }).waitFor();
  again.assertClean();
  await again.context().close();
});

test('two finished quizzes are both in the history, newest first', async () => {
  const page = await openPage(env);
  for (const domain of ['data', 'safety']) {
    await startQuiz(page, { domains: [domain] });
    for (let n = 1; n <= PER_DOMAIN; n++) {
      await page.getByRole('heading', { name: `Question ${n} of ${PER_DOMAIN}` }).waitFor();
      await answerByMouse(page, itemById(await currentItemId(page)), n % 2 === 0);
      await page.getByRole('button', { name: n < PER_DOMAIN ? 'Next' : 'See my results' }).click();
    }
    await page.getByRole('heading', { name: 'Your results' }).waitFor();
  }
  await page.goto(env.origin + '/#/history');
  const rows = page.locator('table.history tbody tr');
  await rows.first().waitFor();
  assert.equal(await rows.count(), 2);
  assert.match(await rows.nth(0).textContent(), new RegExp(domainTitle('safety')));
  assert.match(await rows.nth(1).textContent(), new RegExp(domainTitle('data').replace('&', '\\&')));
  page.assertClean();
  await page.context().close();
});

test('a quick check adapts, resumes the same next item after a reload, stops by its rule, and can continue', async () => {
  const page = await openPage(env);
  await page.goto(env.origin + '/#/start');
  assert.ok(await page.getByLabel(/Quick check/).isChecked(), 'the quick check is the default');
  // It recommends a few domains and starts with none chosen.
  await page.getByText('Up to 3 domains recommended', { exact: false }).waitFor();
  assert.equal(await page.locator('input[id^=domain-]:checked').count(), 0);
  await page.getByText('Choose at least one domain.').waitFor();
  for (const d of ['cloud', 'ai', 'cybersecurity']) await page.locator(`#domain-${d}`).check();
  await page.getByLabel(/certainty-based marking/).check();
  await page.getByRole('button', { name: 'Start' }).click();

  const seen = [];
  let n = 0;
  let reloaded = false;
  for (;;) {
    await page.locator('h1').first().waitFor();
    if (await page.getByRole('heading', { name: 'Your results' }).count()) break;
    n += 1;
    await page.getByRole('heading', { name: `Question ${n}`, exact: true }).waitFor();
    const id = await currentItemId(page);
    assert.ok(!seen.includes(id), `item ${id} asked twice`);
    seen.push(id);
    if (n === 4 && !reloaded) {
      // The item on screen is saved: a reload shows the very same one.
      await page.reload();
      await page.getByRole('heading', { name: 'Question 4', exact: true }).waitFor();
      assert.equal(await currentItemId(page), id);
      reloaded = true;
    }
    await answerByMouse(page, itemById(id), n % 2 === 0);
    await page.locator('fieldset.certainty label.option').nth(1).click();
    if (n === 1) await assertAccessible(page, 'adaptive quiz with certainty');
    await page.locator('button[type=submit]').click();
    await page.waitForFunction((k) => document.querySelector('fieldset.question')?.dataset.item !== k, id);
    assert.ok(n <= 3 * QUICK.max_items, 'the quick check never asks more than its maximum per domain');
  }
  assert.ok(n >= 3 * QUICK.min_items, `at least the minimum per domain, got ${n}`);
  assert.equal(await page.locator('.level-card').count(), 3);
  // No percent-correct table for adaptive modes, but the certainty report.
  assert.equal(await page.locator('table.domain-scores').count(), 0);
  await page.getByRole('heading', { name: 'How well you judge your own knowledge' }).waitFor();
  assert.equal(await page.locator('.certainty-report > li').count(), 3);
  await assertAccessible(page, 'adaptive results');

  // Where a band straddles two levels, the learner may answer more in that domain. With
  // uncalibrated items (a = 1) and at most 20 items over three domains, every band is wider
  // than a level, so the offer is always there.
  const more = page.getByRole('button', { name: /^Answer \d+ more questions in / });
  assert.ok((await more.count()) > 0);
  const label = await more.first().textContent();
  const [, extra, domain] = label.match(/^Answer (\d+) more questions in (.+)$/);
  const before = seen.length;
  await more.first().click();
  for (let k = 1; k <= Number(extra); k++) {
    await page.getByRole('heading', { name: `Question ${before + k}`, exact: true }).waitFor();
    const item = itemById(await currentItemId(page));
    assert.equal(domainTitle(item.domain), domain);
    await answerByMouse(page, item, true);
    await page.locator('fieldset.certainty label.option').nth(0).click();
    await page.locator('button[type=submit]').click();
    await page.waitForFunction((k) => document.querySelector('fieldset.question')?.dataset.item !== k, item.id);
  }
  await page.getByRole('heading', { name: 'Your results' }).waitFor();
  page.assertClean();
  await page.context().close();
});

for (const lang of ['en', 'fr', 'ar']) {
  test(`a whole quiz in ${lang}: every screen in the language, right-to-left where it should be`, async () => {
    const t = CATALOGS[lang];
    const dir = lang === 'ar' ? 'rtl' : 'ltr';
    const page = await openPage(env);
    // Questions are fetched in the language in use only.
    const questionFiles = [];
    page.on('request', (r) => { if (r.url().includes('/domains/')) questionFiles.push(new URL(r.url()).pathname); });
    await page.goto(env.origin + '/');
    await appStarted(page);
    await page.locator('#language').selectOption(lang);
    await page.getByRole('heading', { name: t.home_title }).waitFor();
    assert.equal(await page.getAttribute('html', 'lang'), lang);
    assert.equal(await page.getAttribute('html', 'dir'), dir);
    await assertAccessible(page, `home ${lang}`);

    await page.getByRole('link', { name: t.home_start }).click();
    await page.getByRole('heading', { name: t.start_title }).waitFor();
    await page.locator('input[name=mode]').nth(2).check();
    await page.locator('label.option.all input').uncheck();
    await page.locator('#domain-programming').check();
    await page.getByText(domainTitle('programming', lang), { exact: true }).waitFor();
    await page.getByRole('button', { name: t.start_button }).click();

    for (let n = 1; n <= PER_DOMAIN; n++) {
      await page.getByRole('heading', { name: fill(t.quiz_progress, { n, total: PER_DOMAIN }) }).waitFor();
      const item = itemById(await currentItemId(page));
      assert.equal((await page.locator('fieldset.question legend').textContent()).trim(), item.stem[lang]);
      if (item.code) {
        // Code stays left-to-right in every language.
        assert.equal(await page.locator('pre.code').getAttribute('dir'), 'ltr');
        assert.equal(await page.locator('pre.code').evaluate((el) => getComputedStyle(el).direction), 'ltr');
      }
      if (n === 1) await assertAccessible(page, `quiz ${lang}`);
      await answerByMouse(page, item, true);
      await page.locator('button[type=submit]').click();
    }
    await page.getByRole('heading', { name: t.results_title }).waitFor();
    assert.deepEqual(questionFiles, [`/content/${lang}/domains/programming.json`]);
    assert.equal(await page.locator('main').evaluate((el) => getComputedStyle(el).direction), dir);
    const overall = fill(t.results_overall, { correct: PER_DOMAIN, total: PER_DOMAIN, percent: 100 });
    assert.equal((await page.locator('.overall').textContent()).trim(), overall);
    assert.match(await page.locator('.review').textContent(), new RegExp(t.results_why.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    await assertAccessible(page, `results ${lang}`);

    await page.getByRole('link', { name: t.nav_history, exact: true }).first().click();
    await page.getByRole('heading', { name: t.history_title }).waitFor();
    assert.match(await page.locator('table.history').textContent(), new RegExp(domainTitle('programming', lang)));

    // The choice is remembered.
    await page.reload();
    await page.getByRole('heading', { name: t.history_title }).waitFor();
    assert.equal(await page.getAttribute('html', 'lang'), lang);
    page.assertClean();
    await page.context().close();
  });
}

test('switching language mid-quiz fetches that language\'s questions once and shows the same question in it', async () => {
  const page = await openPage(env);
  const questionFiles = [];
  page.on('request', (r) => { if (r.url().includes('/domains/')) questionFiles.push(new URL(r.url()).pathname); });
  await page.goto(env.origin + '/#/start');
  await page.getByLabel(/Fixed form/).check();
  await page.getByLabel('All domains').uncheck();
  await page.locator('#domain-web').check();
  await page.getByRole('button', { name: 'Start' }).click();
  await page.getByRole('heading', { name: `Question 1 of ${PER_DOMAIN}` }).waitFor();
  const item = itemById(await currentItemId(page));
  const legend = page.locator('fieldset.question legend');
  for (const lang of ['fr', 'ar', 'en', 'fr']) {
    await page.locator('#language').selectOption(lang);
    await page.waitForFunction(([text]) => document.querySelector('fieldset.question legend')?.textContent.trim() === text, [item.stem[lang]]);
    assert.equal(await currentItemId(page), item.id);
  }
  assert.equal((await legend.textContent()).trim(), item.stem.fr);
  assert.deepEqual(questionFiles, ['en', 'fr', 'ar'].map((l) => `/content/${l}/domains/web.json`));
  page.assertClean();
  await page.context().close();
});

test('the first language comes from the browser when none was chosen', async () => {
  const context = await env.browser.newContext({ locale: 'fr-FR' });
  const page = await openPage(env, context);
  await page.goto(env.origin + '/');
  await appStarted(page);
  await page.getByRole('heading', { name: CATALOGS.fr.home_title }).waitFor();
  assert.equal(await page.getAttribute('html', 'lang'), 'fr');
  assert.equal(await page.locator('#language').inputValue(), 'fr');
  page.assertClean();
  await context.close();
});
