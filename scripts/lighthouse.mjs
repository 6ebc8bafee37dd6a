// Runs Lighthouse (mobile preset, the default) on each document of the served release build
// and prints the category scores against their targets and the load metrics; exits non-zero
// when a target is missed. Used by scripts/bench with lighthouse@12.2.3 installed under
// target/bench/lighthouse.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { readFileSync } from 'node:fs';
import { serve } from './static-server.mjs';

const [lighthouse, out = 'target/bench/lighthouse.json'] = process.argv.slice(2);
const DOCUMENTS = { index: '', careers: 'careers.html#/guidance', classroom: 'classroom.html#/classroom', counselor: 'counselor.html#/counselor', questions: 'questions.html#/questions' };
const TARGETS = { performance: 95, accessibility: 100, 'best-practices': 100 };
const server = await serve(new URL('../dist', import.meta.url).pathname, 0);
const origin = `http://127.0.0.1:${server.address().port}/`;
let missed = 0;
console.log('Lighthouse 12.2.3, mobile preset (simulated slow 4G, 4× CPU slowdown)');
try {
  for (const [name, path] of Object.entries(DOCUMENTS)) {
    const file = out.replace(/\.json$/, `-${name}.json`);
    // Asynchronous, so that this process keeps serving the pages Lighthouse asks for.
    await promisify(execFile)(lighthouse, [
      origin + path, '--quiet', '--output=json', `--output-path=${file}`,
      '--only-categories=performance,accessibility,best-practices',
      '--chrome-flags=--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --no-first-run',
    ], { env: { ...process.env, CHROME_PATH: process.env.CHROMIUM ?? '/usr/bin/chromium' } });
    const report = JSON.parse(readFileSync(file, 'utf8'));
    console.log(`  ${name}.html (/${path})`);
    for (const [id, c] of Object.entries(report.categories)) {
      const score = Math.round(c.score * 100);
      const met = score >= TARGETS[id];
      if (!met) missed += 1;
      console.log(`    ${c.title.padEnd(16)} ${String(score).padStart(3)}  (target ${TARGETS[id]}${met ? ', met' : ', NOT MET'})`);
      if (!met) {
        const failing = Object.values(report.audits).filter((a) => a.score !== null && a.score < 1 && c.auditRefs.some((r) => r.id === a.id && r.weight > 0));
        for (const a of failing.slice(0, 5)) console.log(`      ${a.title}${a.displayValue ? `: ${a.displayValue}` : ''}`);
      }
    }
    for (const id of ['first-contentful-paint', 'largest-contentful-paint', 'speed-index', 'total-blocking-time', 'cumulative-layout-shift']) {
      console.log(`    ${report.audits[id].title.padEnd(26)} ${report.audits[id].displayValue}`);
    }
  }
} finally {
  server.close();
}
if (missed) process.exitCode = 1;
