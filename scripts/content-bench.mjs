// Bytes a first visit fetches: a learner new to the app, in Arabic, takes a quick check of three
// domains to its results; the service worker then caches what it caches for offline use. Counts
// every response the server sends until the network has been quiet for 3 s, raw and as gzip
// (as a host compresses them), in all and for the question content alone.
//
//   node scripts/content-bench.mjs [dist]   (the release build, dist/ by default)
//
// Goal (issue 17): the content fetched falls from what it was before the content was split by
// language (measured on the build of commit 981e641, the last with one file per domain holding
// every language, by this same script: `git worktree add`, scripts/lib.sh's build_release,
// then this script with that build's dist/).
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { serve } from './static-server.mjs';
import { CHROMIUM_ARGS, DIST, answerByMouse, currentItemId, itemById } from '../tests/e2e/support.mjs';

/** Before the split (commit 981e641), in KB gzip: the whole visit, its question content, and
 * the files of the quiz's three domains. */
const BEFORE = { all: 2113.0, content: 695.4, quiz: 208.1 };
const DOMAINS = ['cloud', 'ai', 'cybersecurity'];

const served = [];
const server = await serve(process.argv[2] ?? DIST, 0, '127.0.0.1', {
  onServe: ({ path, body }) => served.push({ path, raw: body.length, gzip: gzipSync(body, { level: 9 }).length }),
});
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
const context = await browser.newContext({ locale: 'ar-MA' });
const page = await context.newPage();
await page.goto(origin + '/#/start');
await page.waitForFunction(() => document.documentElement.lang === 'ar' && document.querySelector('fieldset.domains'));
for (const d of DOMAINS) await page.locator(`#domain-${d}`).check();
await page.locator('form button[type=submit]').click();
let asked = 0;
for (;;) {
  await page.waitForFunction(() => document.querySelector('fieldset.question') || document.querySelector('.level-card'));
  if (await page.locator('.level-card').count()) break;
  const id = await currentItemId(page);
  await answerByMouse(page, itemById(id), asked % 2 === 0);
  await page.locator('button[type=submit]').click();
  await page.waitForFunction((k) => document.querySelector('fieldset.question')?.dataset.item !== k, id);
  asked += 1;
}
// The service worker caches in the background: wait until nothing has been served for 3 s.
await page.evaluate(() => navigator.serviceWorker.ready);
for (let quiet = 0; quiet < 3000;) {
  const before = served.length;
  await new Promise((ok) => setTimeout(ok, 500));
  quiet = served.length === before ? quiet + 500 : 0;
}
await browser.close();
server.close();

const kb = (n) => `${(n / 1000).toFixed(1)} KB`;
const total = (rows) => rows.reduce((s, r) => ({ raw: s.raw + r.raw, gzip: s.gzip + r.gzip }), { raw: 0, gzip: 0 });
const isContent = (r) => /^\/content\/.*domains\//.test(r.path);
const all = total(served);
const content = total(served.filter(isContent));
const quiz = total(served.filter((r) => isContent(r) && DOMAINS.some((d) => r.path.endsWith(`/${d}.json`))));
console.log(`First visit in Arabic, a quick check of ${DOMAINS.join(', ')} (${asked} questions), then the service worker's caching`);
console.log(`  ${'file'.padEnd(44)} ${'raw'.padStart(10)} ${'gzip'.padStart(10)}`);
for (const r of served.filter(isContent)) console.log(`  ${r.path.padEnd(44)} ${kb(r.raw).padStart(10)} ${kb(r.gzip).padStart(10)}`);
console.log(`  the quiz's domains: ${kb(quiz.raw)} raw, ${kb(quiz.gzip)} gzip (before the split: ${BEFORE.quiz.toFixed(1)} KB gzip)`);
console.log(`  question content:   ${served.filter(isContent).length} files, ${kb(content.raw)} raw, ${kb(content.gzip)} gzip (before: ${BEFORE.content.toFixed(1)} KB gzip)`);
console.log(`  whole visit:        ${served.length} responses, ${kb(all.raw)} raw, ${kb(all.gzip)} gzip (before: ${BEFORE.all.toFixed(1)} KB gzip)`);
const ok = content.gzip / 1000 < BEFORE.content && quiz.gzip / 1000 < BEFORE.quiz;
console.log(`  content now ${(100 * content.gzip / 1000 / BEFORE.content).toFixed(0)}% of before: ${ok ? 'goal met' : 'GOAL MISSED'}`);
if (!ok) process.exit(1);
