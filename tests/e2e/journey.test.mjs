// A young person's journey: a whole quiz by keyboard, a second one interrupted by a reload,
// both found in the history; axe-core on every page on the way.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  start, openPage, assertAccessible, itemById, currentItemId, questionHeading, tabTo,
} from './support.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

/** Answers the question on screen with the keyboard only: right, or deliberately wrong. */
async function answerByKeyboard(page, right) {
  const item = itemById(await currentItemId(page));
  if (item.type === 'multiple_select') {
    const ids = item.options.map((o) => o.id);
    // Wrong: tick only the first option that is not in the key.
    const wanted = right ? item.answer : [ids.find((id) => !item.answer.includes(id))];
    await tabTo(page, 'fieldset.question input');
    for (const [i, id] of ids.entries()) {
      if (i > 0) await page.keyboard.press('Tab');
      if (wanted.includes(id)) await page.keyboard.press('Space');
    }
  } else {
    const values = item.type === 'true_false' ? [true, false] : item.options.map((o) => o.id);
    const key = values.indexOf(item.answer);
    const target = right ? key : (key + 1) % values.length;
    await tabTo(page, 'fieldset.question input');
    await page.keyboard.press('Space');
    for (let i = 0; i < target; i++) await page.keyboard.press('ArrowDown');
  }
  await tabTo(page, 'button[type=submit]');
  await page.keyboard.press('Enter');
}

test('a quiz taken with the keyboard only is scored and reviewed', async () => {
  const page = await openPage(env);
  await page.goto(env.origin + '/');
  await page.getByRole('heading', { level: 1 }).waitFor();
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await page.getAttribute('html', 'dir'), 'ltr');
  await assertAccessible(page, 'home');

  await tabTo(page, 'a.button.primary');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Choose your quiz' }).waitFor();
  await page.getByText('12 questions in all').waitFor();
  await assertAccessible(page, 'start');
  await tabTo(page, 'button[type=submit]');
  await page.keyboard.press('Enter');

  const missed = [];
  for (let n = 1; n <= 12; n++) {
    await page.getByRole('heading', { name: `Question ${n} of 12` }).waitFor();
    // Focus moves to each new question, so keyboard and screen-reader users start there.
    assert.equal(await page.evaluate(() => document.activeElement.textContent), `Question ${n} of 12`);
    if (n === 1) await assertAccessible(page, 'quiz');
    const right = n !== 2 && n !== 7;
    if (!right) missed.push(await currentItemId(page));
    await answerByKeyboard(page, right);
  }

  await page.getByRole('heading', { name: 'Your results' }).waitFor();
  assert.equal((await page.locator('.overall').textContent()).trim(), '10 of 12 correct (83%)');
  const rows = await page.locator('table.domain-scores tbody tr').allTextContents();
  assert.equal(rows.length, 3);
  assert.equal(await page.locator('.review-item').count(), 12);
  assert.equal(await page.locator('.review-item.wrong').count(), 2);
  // The review of a missed item shows the right answer and the explanation.
  const wrong = page.locator('.review-item.wrong').first();
  assert.match(await wrong.textContent(), /Correct answer:/);
  assert.match(await wrong.textContent(), /Why:/);
  const missedStems = missed.map((id) => itemById(id).stem.en);
  assert.ok(missedStems.includes((await wrong.locator('.stem').textContent()).trim()));
  await assertAccessible(page, 'results');
  page.assertClean();
  await page.context().close();
});

test('a reload in the middle of a quiz resumes at the same question with the answers kept', async () => {
  const page = await openPage(env);
  await page.goto(env.origin + '/#/start');
  // Only one domain, the standard length.
  await page.getByLabel('All domains').uncheck();
  await page.getByLabel(/Programming basics/).check();
  await page.getByLabel(/Standard/).check();
  await page.getByText('7 questions in all').waitFor();
  await page.getByRole('button', { name: 'Start' }).click();

  const chosen = [];
  for (let n = 1; n <= 3; n++) {
    await page.getByRole('heading', { name: `Question ${n} of 7` }).waitFor();
    const first = page.locator('fieldset.question input').first();
    chosen.push(await first.getAttribute('id'));
    await page.locator('fieldset.question label.option').first().click();
    await page.getByRole('button', { name: 'Next' }).click();
  }
  await page.getByRole('heading', { name: 'Question 4 of 7' }).waitFor();
  const fourth = await currentItemId(page);

  await page.reload();
  await page.getByRole('heading', { name: 'Question 4 of 7' }).waitFor();
  assert.equal(await currentItemId(page), fourth);
  assert.equal(await questionHeading(page), 'Question 4 of 7');
  await page.getByText('3 of 7 answered').waitFor();
  await page.getByRole('button', { name: 'Previous' }).click();
  await page.getByRole('heading', { name: 'Question 3 of 7' }).waitFor();
  assert.ok(await page.locator(`#${chosen[2]}`).isChecked());

  // A closed tab is a reload of a new page: open the app again in a new tab of the same profile.
  const again = await openPage(env, page.context());
  await page.close();
  await again.goto(env.origin + '/');
  await again.getByText('You stopped at question 3 of 7.').waitFor();
  await again.getByRole('link', { name: 'Resume your quiz' }).click();
  await again.getByRole('heading', { name: 'Question 3 of 7' }).waitFor();

  // Finishing with unanswered questions asks first.
  await again.getByRole('button', { name: 'Next' }).click();
  for (let n = 4; n <= 6; n++) {
    await again.getByRole('heading', { name: `Question ${n} of 7` }).waitFor();
    await again.getByRole('button', { name: 'Next' }).click();
  }
  await again.getByRole('button', { name: 'See my results' }).click();
  await again.getByText('4 questions are unanswered and will count as wrong.').waitFor();
  await again.getByRole('button', { name: 'Finish anyway' }).click();
  await again.getByRole('heading', { name: 'Your results' }).waitFor();
  assert.match(await again.locator('.overall').textContent(), /of 7 correct/);

  await again.getByRole('link', { name: 'History', exact: true }).first().click();
  await again.getByRole('heading', { name: 'Your past quizzes' }).waitFor();
  assert.equal(await again.locator('table.history tbody tr').count(), 1);
  await assertAccessible(again, 'history');
  await again.getByRole('link', { name: 'Open' }).click();
  await again.getByRole('heading', { name: 'Your results' }).waitFor();
  again.assertClean();
  await again.context().close();
});

test('two finished quizzes are both in the history, newest first', async () => {
  const page = await openPage(env);
  await page.goto(env.origin + '/');
  for (const domain of ['Data & spreadsheets', 'Digital foundations & online safety']) {
    await page.goto(env.origin + '/#/start');
    await page.getByLabel('All domains').uncheck();
    await page.getByLabel(new RegExp(domain)).check();
    await page.getByRole('button', { name: 'Start' }).click();
    for (let n = 1; n <= 4; n++) {
      await page.getByRole('heading', { name: `Question ${n} of 4` }).waitFor();
      await page.locator('fieldset.question label.option').first().click();
      await page.getByRole('button', { name: n < 4 ? 'Next' : 'See my results' }).click();
    }
    await page.getByRole('heading', { name: 'Your results' }).waitFor();
  }
  await page.goto(env.origin + '/#/history');
  const rows = page.locator('table.history tbody tr');
  await rows.first().waitFor();
  assert.equal(await rows.count(), 2);
  assert.match(await rows.nth(0).textContent(), /Digital foundations/);
  assert.match(await rows.nth(1).textContent(), /Data & spreadsheets/);
  page.assertClean();
  await page.context().close();
});
