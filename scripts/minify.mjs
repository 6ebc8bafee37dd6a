// Minifies the JavaScript and CSS of a release build in place — each document's wasm-bindgen
// glue (kafaa-*.js, careers-*.js, ...), the service worker and its registration, the style
// sheets — and updates the Subresource Integrity hashes the HTML documents carry for them.
// Each glue and its wasm first get short forms of the names they share (`short-names.mjs`);
// the wasm's own hash is pinned afterwards, by `integrity.mjs`.
// Trunk's own minification also rewrites the HTML, which the CSP step and the service worker
// read, so it stays off.
//
//   node scripts/minify.mjs dist
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { minify } from 'terser';
import { shortenNames } from './short-names.mjs';

const dist = process.argv[2] ?? 'dist';
const names = readdirSync(dist);
const sri = (body) => `sha384-${createHash('sha384').update(body).digest('base64')}`;
const changed = new Map(); // old integrity → new integrity
let before = 0;
let after = 0;
for (const name of names.filter((n) => n.endsWith('.js'))) {
  const path = join(dist, name);
  const source = readFileSync(path, 'utf8');
  let script = source;
  const wasmName = name.replace(/\.js$/, '_bg.wasm');
  if (names.includes(wasmName)) {
    const shortened = shortenNames(source, readFileSync(join(dist, wasmName)));
    writeFileSync(join(dist, wasmName), shortened.wasm);
    script = shortened.glue;
    console.log(`${name}: ${shortened.renamed} wasm imports and their names in the glue shortened`);
  }
  // The glue is an ES module; the service worker files are classic scripts.
  const module = !['sw.js', 'register-sw.js'].includes(name);
  const { code } = await minify(script, { module, ecma: 2020, compress: { passes: 2 }, mangle: true });
  writeFileSync(path, code);
  changed.set(sri(source), sri(code));
  before += source.length;
  after += code.length;
}
// CSS: comments out, whitespace collapsed; strings and selectors are left as they are.
for (const name of names.filter((n) => n.endsWith('.css'))) {
  const path = join(dist, name);
  const source = readFileSync(path, 'utf8');
  const code = source
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,>])\s*/g, '$1')
    .replace(/;}/g, '}')
    .trim();
  writeFileSync(path, code);
  changed.set(sri(source), sri(code));
  before += source.length;
  after += code.length;
}
for (const name of names.filter((n) => n.endsWith('.html'))) {
  const path = join(dist, name);
  let html = readFileSync(path, 'utf8');
  for (const [old, updated] of changed) html = html.replaceAll(old, updated);
  writeFileSync(path, html);
}
console.log(`JavaScript and CSS minified: ${before} → ${after} bytes`);
