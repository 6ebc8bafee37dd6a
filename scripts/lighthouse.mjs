// Runs Lighthouse (mobile preset, the default) on the served release build and prints the
// category scores and load metrics. Used by scripts/bench with lighthouse@12.2.3 installed
// under target/bench/lighthouse.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { readFileSync } from 'node:fs';
import { serve } from './static-server.mjs';

const [lighthouse, out = 'target/bench/lighthouse.json'] = process.argv.slice(2);
const server = await serve(new URL('../dist', import.meta.url).pathname, 0);
const url = `http://127.0.0.1:${server.address().port}/`;
// Asynchronous, so that this process keeps serving the pages Lighthouse asks for.
try {
  await promisify(execFile)(lighthouse, [
    url, '--quiet', '--output=json', `--output-path=${out}`,
    '--only-categories=performance,accessibility,best-practices',
    '--chrome-flags=--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --no-first-run',
  ], { env: { ...process.env, CHROME_PATH: process.env.CHROMIUM ?? '/usr/bin/chromium' } });
} finally {
  server.close();
}
const report = JSON.parse(readFileSync(out, 'utf8'));
const targets = { performance: 95, accessibility: 100, 'best-practices': 95 };
console.log('Lighthouse 12.2.3, mobile preset (simulated slow 4G, 4× CPU slowdown)');
for (const [id, c] of Object.entries(report.categories)) {
  const score = Math.round(c.score * 100);
  console.log(`  ${c.title.padEnd(16)} ${String(score).padStart(3)}  (target ${targets[id]}${score >= targets[id] ? ', met' : ', NOT MET'})`);
}
for (const id of ['first-contentful-paint', 'largest-contentful-paint', 'speed-index', 'total-blocking-time', 'cumulative-layout-shift']) {
  console.log(`  ${report.audits[id].title.padEnd(26)} ${report.audits[id].displayValue}`);
}
