// Adds a strict Content-Security-Policy to each built HTML document: scripts only from the app's
// origin plus the exact inline loader trunk writes (by its hash), wasm allowed to compile,
// every fetch, image, style sheet and worker from the app's own origin only.
//
//   node scripts/csp.mjs dist/index.html [dist/careers.html ...]
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';

for (const file of process.argv.slice(2)) {
  let html = readFileSync(file, 'utf8').replace(/\s*<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
  const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)]
    .map(([, body]) => `'sha256-${createHash('sha256').update(body).digest('base64')}'`);
  const policy = [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`.trim(),
    "style-src 'self'",
    // Bars and level scales are sized with inline style attributes; no <style> element is allowed.
    "style-src-attr 'unsafe-inline'",
    "img-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  html = html.replace('<meta charset="utf-8" />', `<meta charset="utf-8" />\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`);
  writeFileSync(file, html);
  console.log(`Content-Security-Policy added to ${file} (${hashes.length} inline script hash${hashes.length === 1 ? '' : 'es'})`);
}
