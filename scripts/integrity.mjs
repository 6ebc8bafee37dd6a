// Pins each document's wasm-bindgen glue and wasm by hash (Subresource Integrity), as trunk's
// preload links did before the loader (Trunk.toml `pattern_script`) took their place: an import
// map gives the glue's hash to `import()`, and the wasm is fetched with its own. A file that
// does not match is refused by the browser, and the loader says the app could not start.
// Run after scripts/minify.mjs (the hashes are of the final files), before scripts/csp.mjs
// (which hashes the inline import map).
//
//   node scripts/integrity.mjs dist/index.html [dist/careers.html ...]
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const sri = (path) => `sha384-${createHash('sha384').update(readFileSync(path)).digest('base64')}`;

for (const file of process.argv.slice(2)) {
  let html = readFileSync(file, 'utf8');
  const glue = html.match(/import\('\.\/([^']+\.js)'\)/)?.[1];
  const wasm = html.match(/module_or_path: '\.\/([^']+\.wasm)'/)?.[1];
  if (!glue || !wasm) throw new Error(`${file}: the loader's import and wasm were not found`);
  const dir = dirname(file);
  html = html.replace(`module_or_path: './${wasm}'`,
    `module_or_path: fetch('./${wasm}', { integrity: '${sri(join(dir, wasm))}' })`);
  const map = JSON.stringify({ integrity: { [`./${glue}`]: sri(join(dir, glue)) } });
  html = html.replace('<script type="module">', `<script type="importmap">${map}</script>\n<script type="module">`);
  writeFileSync(file, html);
  console.log(`Integrity pinned in ${file}: ${glue}, ${wasm}`);
}
