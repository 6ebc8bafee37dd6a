// Career guidance: after an assessment and the interest questionnaire, a new user gets ranked
// specialties with explanations, demand figures with sources and matching training, in each
// of the three languages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  start, openPage, openIn, assertAccessible, itemById, currentItemId, answerByMouse, CATALOGS, fill, domainTitle, takeFixedForm, appStarted,
  PER_DOMAIN,
} from './support.mjs';

const GUIDANCE = JSON.parse(readFileSync(new URL('../../static/guidance/guidance.json', import.meta.url), 'utf8'));
const INTERESTS = JSON.parse(readFileSync(new URL('../../static/guidance/interests.json', import.meta.url), 'utf8'));

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

for (const lang of ['en', 'fr', 'ar']) {
  test(`careers in ${lang}: ranked specialties, why, demand with sources, training`, async () => {
    const t = CATALOGS[lang];
    const page = await openIn(env, lang);

    // A fixed form on data and programming, every answer right.
    await page.goto(env.origin + '/#/start');
    await page.locator('input[name=mode]').nth(2).check();
    await page.locator('label.option.all input').uncheck();
    await page.locator('#domain-data').check();
    await page.locator('#domain-programming').check();
    await page.getByRole('button', { name: t.start_button }).click();
    for (let n = 1; n <= 2 * PER_DOMAIN; n++) {
      await page.getByRole('heading', { name: fill(t.quiz_progress, { n, total: 2 * PER_DOMAIN }) }).waitFor();
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

    // Domains the quiz did not measure are neither strengths nor gaps: they are named as
    // not measured yet.
    const measured = [domainTitle('data', lang), domainTitle('programming', lang)];
    for (const strengths of await page.locator('li.specialty p', { hasText: t.guidance_strengths }).allTextContents()) {
      for (const name of strengths.replace(t.guidance_strengths, '').split(/[,،]/).map((s) => s.trim())) {
        assert.ok(measured.includes(name), `strength "${name}" was measured`);
      }
    }
    assert.ok(await page.locator('li.specialty p.unmeasured').count() > 0);
    // The questionnaire (folded): like every analysis activity, dislike the others.
    const summary = page.locator('details.interests summary');
    assert.match(await summary.textContent(), new RegExp(fill(t.guidance_interests_progress, { answered: 0, total: INTERESTS.items.length })));
    await summary.click();
    for (const item of INTERESTS.items) {
      const value = item.family === 'analysis' ? '1' : '-1';
      await page.locator(`[id="interest-${item.id}-${value}"]`).check();
    }
    assert.match(await summary.textContent(), new RegExp(fill(t.guidance_interests_progress, { answered: INTERESTS.items.length, total: INTERESTS.items.length })));
    const titles = Object.fromEntries(GUIDANCE.specialties.map((s) => [s.title[lang], s]));
    const first = titles[(await cards.first().locator('h3').textContent()).trim()];
    assert.ok(first, 'the first card is a specialty of the data');
    assert.equal(first.family, 'analysis', `strong in data and liking analysis: ${first.id} first`);

    // Each card explains itself: match, demand, and sources for every figure shown.
    const card = cards.first();
    assert.match(await card.textContent(), new RegExp(fill(t.guidance_match, { percent: '\\d+' }).replace(/[()]/g, '.')));
    const tier = GUIDANCE.demand_tiers.find((x) => x.id === first.demand.tier);
    assert.match(await card.textContent(), new RegExp(tier.title[lang].replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    await card.locator('details.figures summary').click();
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
    await page.locator('details.interests summary').click();
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
  for (let n = 1; n <= PER_DOMAIN; n++) {
    await page.getByRole('heading', { name: `Question ${n} of ${PER_DOMAIN}` }).waitFor();
    await answerByMouse(page, itemById(await currentItemId(page)), true);
    await page.locator('button[type=submit]').click();
  }
  await page.getByRole('link', { name: 'See the careers that fit these results' }).click();
  const cards = page.locator('li.specialty');
  await cards.first().waitFor();
  // The questionnaire: like security, dislike the rest.
  await page.locator('details.interests summary').click();
  for (const item of INTERESTS.items) {
    await page.locator(`[id="interest-${item.id}-${item.family === 'security' ? '1' : '-1'}"]`).check();
  }
  await page.locator('details.counselor summary').click();
  // Only interest counts: the specialties of the liked family come first.
  await page.locator('#weight-0').fill('0');
  await page.locator('#weight-2').fill('0');
  await page.locator('#weight-0').dispatchEvent('change');
  await page.locator('#weight-2').dispatchEvent('change');
  const familyOf = (title) => GUIDANCE.specialties.find((s) => s.title.en === title).family;
  const liked = GUIDANCE.specialties.filter((s) => s.family === 'security').length;
  const shown = (await cards.locator('h3').allTextContents()).map((s) => s.trim());
  assert.deepEqual(shown.slice(0, liked).map(familyOf), Array(liked).fill('security'));
  // Free training only: a track that does not state its cost stays, marked so.
  await page.locator('#filter-cost').selectOption('free');
  for (const item of await page.locator('ul.tracks > li').allTextContents()) assert.match(item, /Free|Cost unknown/);
  // Any cost, at most three years: every track listed states a duration within it, or says
  // it is not stated; and its provider type.
  await page.locator('#filter-cost').selectOption('');
  await page.locator('#filter-duration').selectOption('36');
  const facts = await page.locator('ul.tracks > li > span:nth-of-type(1)').allTextContents();
  for (const f of facts) {
    const months = f.match(/(\d+) months?/);
    assert.ok(months ? Number(months[1]) <= 36 : /duration not stated/.test(f), f);
    assert.match(f, /\((Public|Private|Non-profit|International certification)\)/);
  }
  assert.ok(facts.length > 0);
  await page.locator('#filter-duration').selectOption('');
  const all = await page.locator('ul.tracks > li').count();
  // Taught in Arabic, in the Oriental region, for a 20-year-old with the baccalauréat: every
  // track listed states it, or says the fact is not stated; some are left out.
  await page.locator('#filter-language').selectOption('ar');
  await page.locator('#filter-region').selectOption('oriental');
  await page.locator('#filter-diploma').selectOption('bac');
  await page.locator('#filter-age').fill('20');
  await page.locator('#filter-age').dispatchEvent('change');
  const access = await page.locator('ul.tracks > li > span.access').allTextContents();
  assert.ok(access.length > 0 && access.length < all, `${access.length} of ${all}`);
  for (const a of access) {
    assert.match(a, /العربية|Language not stated/, a);
    assert.match(a, /Oriental|Online|Across Morocco|Where: not stated/, a);
    assert.match(a, /From (No diploma required|Baccalauréat)|Entry diploma not stated/, a);
  }
  page.assertClean();
  await page.context().close();
});

test('a school loads its own training file: checked, used, kept, and reset', async () => {
  const t = CATALOGS.en;
  const page = await openPage(env);
  await takeFixedForm(page, env.origin, ['cybersecurity']);
  await page.getByRole('link', { name: t.results_guidance }).click();
  const cards = page.locator('li.specialty');
  await cards.first().waitFor();
  const upload = (name, body) => page.locator('#guidance-file').setInputFiles({
    name, mimeType: 'application/json', buffer: Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)),
  });

  // A broken file is refused with what is wrong and where; nothing changes.
  const broken = structuredClone(GUIDANCE);
  broken.tracks[2].prerequisites = { astrology: 'advanced' };
  broken.tracks[4].cost = 'priceless';
  await upload('broken.json', broken);
  const alert = page.locator('.local-guidance [role=alert]');
  await alert.waitFor();
  const text = await alert.textContent();
  assert.match(text, /broken\.json cannot be used/);
  assert.match(text, /tracks\[2\]\.prerequisites\.astrology/);
  assert.match(text, /tracks\[4\]\.cost/);
  assert.match(await page.locator('.local-guidance [role=status]').textContent(), new RegExp(t.guidance_local_builtin));
  // A misspelt field is refused with the path to it.
  const misspelt = structuredClone(GUIDANCE);
  misspelt.tracks[3].linkk = misspelt.tracks[3].link;
  await upload('misspelt.json', misspelt);
  await page.locator('.local-guidance [role=alert]', { hasText: 'misspelt.json' }).waitFor();
  assert.match(await page.locator('.local-guidance [role=alert]').textContent(), /tracks\[3\]\.linkk/);
  await upload('notes.json', '{"this is": not json');
  await page.locator('.local-guidance [role=alert]', { hasText: 'notes.json' }).waitFor();

  // A valid file with a local track for every specialty is used at once, and kept.
  const local = structuredClone(GUIDANCE);
  local.tracks.push({
    ...GUIDANCE.tracks[0], id: 'lycee-local', title: { en: 'Lycée Ibn Khaldoun digital club', fr: 'Club numérique du lycée Ibn Khaldoun', ar: 'النادي الرقمي لثانوية ابن خلدون' },
    specialties: GUIDANCE.specialties.map((s) => s.id), prerequisites: {}, cost: 'free',
  });
  await upload('lycee.json', local);
  await page.locator('.local-guidance [role=status]', { hasText: fill(t.guidance_local_in_use, { file: 'lycee.json' }) }).waitFor();
  assert.equal(await page.locator('.local-guidance [role=alert]').count(), 0);
  await cards.first().getByText('Lycée Ibn Khaldoun digital club').waitFor();
  await page.reload();
  await cards.first().getByText('Lycée Ibn Khaldoun digital club').waitFor();

  // Back to Kafaa's data.
  await page.getByRole('button', { name: t.guidance_local_reset }).click();
  await page.locator('.local-guidance [role=status]', { hasText: t.guidance_local_builtin }).waitFor();
  await cards.first().waitFor();
  assert.equal(await page.getByText('Lycée Ibn Khaldoun digital club').count(), 0);
  await assertAccessible(page, 'careers, local file');
  page.assertClean();
  await page.context().close();
});

/** A new page that has taken the fixed form of `domain` (answers right where `right`), on
 * the careers page in `lang` with its ranking shown. */
async function careersAfter(domain, right, lang) {
  const page = await openPage(env);
  await takeFixedForm(page, env.origin, [domain], right);
  await page.goto(env.origin + '/careers.html#/guidance');
  await appStarted(page);
  await page.locator('#language').selectOption(lang);
  await page.getByRole('heading', { name: CATALOGS[lang].guidance_title, level: 1 }).waitFor();
  await page.locator('li.specialty').first().waitFor();
  return page;
}

for (const lang of ['en', 'fr', 'ar']) {
  test(`a beginner in ${lang} sees a realistic first job first, and what to measure next starts that quiz`, async () => {
    const t = CATALOGS[lang];
    // Digital foundations only, every answer wrong: the first level, the rest unmeasured.
    const page = await careersAfter('foundations', () => false, lang);
    const cards = page.locator('li.specialty');
    const byTitle = Object.fromEntries(GUIDANCE.specialties.map((s) => [s.title[lang], s]));
    const top = (await cards.locator('h3').allTextContents()).slice(0, 3).map((x) => byTitle[x.trim()].id);
    assert.equal(top[0], 'it-support-technician', top.join(', '));
    for (const id of top) assert.ok(!['devops-engineer', 'ai-ml-engineer', 'cloud-engineer'].includes(id), top.join(', '));
    // Each card says how the job is reached.
    const first = GUIDANCE.routes.find((r) => r.id === 'first_job');
    assert.equal((await cards.first().locator('p.route').textContent()).trim(), first.title[lang]);
    // IT support needs networks and safety, unmeasured: the notice names one, and its button
    // opens the quick check on exactly that domain.
    const notice = page.locator('.measure-next');
    const button = notice.getByRole('link');
    // (Both needed at the same level: the engine names the first in alphabetical order.)
    const domain = 'networks';
    assert.match(await button.textContent(), new RegExp(domainTitle(domain, lang)));
    await button.click();
    await page.locator('#mode-quick').waitFor();
    assert.ok(await page.locator('#mode-quick').isChecked());
    assert.ok(await page.locator(`#domain-${domain}`).isChecked());
    assert.equal(await page.locator('fieldset.domains ul input:checked').count(), 1);
    await page.locator('button[type=submit]').click();
    await page.locator('fieldset.question').waitFor();
    assert.equal(itemById(await currentItemId(page)).domain, domain);
    await assertAccessible(page, `measure next ${lang}`);
    page.assertClean();
    await page.context().close();
  });
}

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const labelOf = (labels, id, lang) => labels.find((l) => l.id === id).title[lang];

for (const lang of ['en', 'fr', 'ar']) {
  test(`in ${lang}, a counselor filters by who can enter, and a school file with a misspelt field is refused with its path`, async () => {
    const t = CATALOGS[lang];
    const page = await careersAfter('networks', () => true, lang);
    await page.locator('details.counselor summary').click();
    const tracks = page.locator('ul.tracks > li');
    const all = await tracks.count();
    // Taught in Arabic, in the Oriental region, for a 20-year-old with a baccalauréat in
    // letters: every track listed states it, or says in this language that it is not stated.
    await page.locator('#filter-language').selectOption('ar');
    await page.locator('#filter-region').selectOption('oriental');
    await page.locator('#filter-diploma').selectOption('bac');
    await page.locator('#filter-bac-stream').selectOption('letters');
    await page.locator('#filter-age').fill('20');
    await page.locator('#filter-age').dispatchEvent('change');
    const access = await page.locator('ul.tracks > li > span.access').allTextContents();
    assert.ok(access.length > 0 && access.length < all, `${access.length} of ${all}`);
    const one = (...alternatives) => new RegExp(alternatives.map(escape).join('|'));
    const region = (id) => labelOf(GUIDANCE.regions, id, lang);
    const diploma = (id) => fill(t.track_diploma, { diploma: labelOf(GUIDANCE.diplomas, id, lang) });
    for (const a of access) {
      assert.match(a, one('العربية', t.track_language_unknown), a);
      assert.match(a, one(region('oriental'), region('online'), region('nationwide'), t.track_regions_unknown), a);
      assert.match(a, one(diploma('none'), diploma('bac'), t.track_diploma_unknown), a);
      assert.match(a, one(labelOf(GUIDANCE.bac_streams, 'letters', lang), t.track_bac_streams_unknown, diploma('none')), a);
    }
    // The ENSA admit scientific and technical streams, not letters: a scientific stream lists
    // them (under network administration, first for this learner), letters do not.
    const ensa = GUIDANCE.tracks.find((tr) => tr.id === 'ensa-computer-engineering');
    await page.locator('#filter-language').selectOption('');
    await page.locator('#filter-region').selectOption('');
    const listed = async () => (await tracks.allTextContents()).some((x) => x.includes(ensa.title[lang]));
    assert.equal(await listed(), false);
    await page.locator('#filter-bac-stream').selectOption('sciences-math');
    await page.getByText(ensa.title[lang]).first().waitFor();
    const streams = ensa.bac_streams.map((id) => labelOf(GUIDANCE.bac_streams, id, lang)).join(', ');
    assert.ok((await tracks.allTextContents()).some((x) => x.includes(fill(t.track_bac_streams, { streams }))));
    await page.locator('#filter-bac-stream').selectOption('letters');
    await page.waitForFunction((title) => !document.body.textContent.includes(title), ensa.title[lang]);

    // A school's file with a misspelt field: refused, in this language, with the path to it.
    const misspelt = structuredClone(GUIDANCE);
    misspelt.tracks[3].linkk = misspelt.tracks[3].link;
    await page.locator('#guidance-file').setInputFiles({
      name: 'misspelt.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(misspelt)),
    });
    const alert = page.locator('.local-guidance [role=alert]');
    await alert.waitFor();
    const text = await alert.textContent();
    assert.ok(text.includes(fill(t.guidance_local_invalid, { file: 'misspelt.json' })), text);
    assert.match(text, /tracks\[3\]\.linkk/);
    assert.match(await page.locator('.local-guidance [role=status]').textContent(), new RegExp(escape(t.guidance_local_builtin)));
    await assertAccessible(page, `filters ${lang}`);
    page.assertClean();
    await page.context().close();
  });
}
