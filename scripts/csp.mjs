// Minifies each built HTML document's inline scripts (the loader, the prerendered page's
// language pick) and adds a strict Content-Security-Policy: scripts only from the app's
// origin plus the exact inline loader trunk writes (by its hash), wasm allowed to compile,
// every fetch, image, style sheet and worker from the app's own origin only. Writes the same
// policies, with what only a header can say (no framing by any site), to `_headers` beside the
// documents: hosts that take headers from such a file (Netlify, Cloudflare Pages) and
// scripts/static-server.mjs send them. Fails when a document has no place for the policy or no
// loader to hash, so a changed build cannot ship without one.
//
//   node scripts/csp.mjs dist/index.html [dist/careers.html ...]
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { minify } from 'terser';

const CHARSET = '<meta charset="utf-8" />';
// Sent on every file: no sniffing, no referrer, no embedding in another site's frame.
const COMMON = ['X-Content-Type-Options: nosniff', 'Referrer-Policy: no-referrer', 'X-Frame-Options: DENY'];
const headers = ['/*', ...COMMON.map((h) => `  ${h}`)];

for (const file of process.argv.slice(2)) {
  let html = readFileSync(file, 'utf8').replace(/\s*<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
  // Inline JavaScript (not the import map, which is JSON), minified before it is hashed.
  for (const [whole, attributes, body] of [...html.matchAll(/<script((?![^>]*\bsrc=)[^>]*)>([\s\S]*?)<\/script>/g)]) {
    if (/type="importmap"/.test(attributes) || !body.trim()) continue;
    const { code } = await minify(body, { module: /type="module"/.test(attributes), ecma: 2020, compress: { passes: 2 }, mangle: true });
    html = html.replace(whole, `<script${attributes}>${code}</script>`);
  }
  const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)]
    .map(([, body]) => `'sha256-${createHash('sha256').update(body).digest('base64')}'`);
  if (!html.includes(CHARSET)) throw new Error(`${file}: no ${CHARSET} to put the policy after`);
  if (hashes.length === 0) throw new Error(`${file}: no inline loader script to allow by hash`);
  const policy = [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`,
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
  html = html.replace(CHARSET, `${CHARSET}\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`);
  writeFileSync(file, html);
  // A meta policy cannot forbid framing; the header can.
  const header = `  Content-Security-Policy: ${policy}; frame-ancestors 'none'`;
  const name = basename(file);
  for (const path of name === 'index.html' ? ['/', '/index.html'] : [`/${name}`]) headers.push(path, header);
  console.log(`Content-Security-Policy added to ${file} (${hashes.length} inline script hash${hashes.length === 1 ? '' : 'es'})`);
}
const dirs = new Set(process.argv.slice(2).map(dirname));
for (const dir of dirs) writeFileSync(join(dir, '_headers'), headers.join('\n') + '\n');
