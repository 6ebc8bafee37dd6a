// Times, in headless Chromium against the release build, importing many result codes into a
// session and rendering the class dashboard: from the click on "Import" until the heat map
// has a row per student. Codes and key file come from `examples/class_codes.rs`. Run through
// scripts/bench:   node scripts/class-bench.mjs target/bench
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { serve } from './static-server.mjs';

const dir = process.argv[2] ?? 'target/bench';
const key = readFileSync(`${dir}/class-key.json`, 'utf8');
const codes = readFileSync(`${dir}/class-codes.txt`, 'utf8');
const n = codes.trim().split('\n').length;
const RUNS = 3;

const server = await serve(new URL('../dist', import.meta.url).pathname, 0);
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
const times = [];
for (let run = 0; run < RUNS; run++) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(`${origin}/classroom.html#/classroom`);
  await page.locator('#session-key-file').setInputFiles({ name: 'key.json', mimeType: 'application/json', buffer: Buffer.from(key) });
  await page.locator('ul.sessions a').click();
  await page.locator('#codes').waitFor();
  // As a paste: one input event with the whole text.
  await page.evaluate((text) => {
    const area = document.querySelector('#codes');
    area.value = text;
    area.dispatchEvent(new Event('input', { bubbles: true }));
  }, codes);
  const ms = await page.evaluate((n) => new Promise((done) => {
    const t0 = performance.now();
    const observer = new MutationObserver(() => {
      if (document.querySelectorAll('table.heatmap tbody tr').length === n) {
        observer.disconnect();
        done(performance.now() - t0);
      }
    });
    observer.observe(document.body, { childList: true, subtree: true });
    document.querySelector('form:has(#codes) button[type=submit]').click();
  }), n);
  times.push(ms);
  await context.close();
}
await browser.close();
server.close();
const median = [...times].sort((a, b) => a - b)[Math.floor(RUNS / 2)];
console.log(`  import ${n} codes and render the dashboard (headless Chromium, ${RUNS} runs): median ${median.toFixed(0)} ms, min ${Math.min(...times).toFixed(0)} ms (goal < 1000 ms): ${median < 1000 ? 'met' : 'NOT MET'}`);
