// Where each document's wasm bytes go, by crate and by function, from twiggy (crates.io,
// pinned in scripts/bench) on the wasm cargo builds for it, before wasm-bindgen and wasm-opt:
// the shares, not the shipped sizes (scripts/bench.mjs measures those). Custom sections and
// names and wasm-bindgen's descriptors, which the shipped wasm does not carry, are left out.
//   node scripts/wasm-bytes.mjs kafaa careers classroom counselor questions
import { execFileSync } from 'node:child_process';

const TOP = 12;
const dir = new URL('../target/wasm32-unknown-unknown/release/', import.meta.url).pathname;

/** The crate a symbol belongs to: its first path segment (for `<A as B>::f`, A's crate, or
 * B's when A is a primitive or a type parameter). */
function crate(name) {
  if (/^data\[/.test(name)) return '(static data)';
  const first = name.match(/([a-z_][a-z0-9_]*)(\[[0-9a-f]+\])?::/);
  return first ? first[1] : '(glue, primitives)';
}

const kb = (n) => `${(n / 1000).toFixed(1)} KB`;
for (const bin of process.argv.slice(2)) {
  const items = JSON.parse(execFileSync('twiggy', ['top', '-n', '1000000', '--format', 'json', `${dir}${bin}.wasm`], { maxBuffer: 1 << 28 }))
    .filter((i) => !i.name.startsWith('custom section') && !i.name.includes('subsection'))
    // wasm-bindgen's descriptors, read and removed by its command-line tool.
    .filter((i) => !i.name.includes('__wbindgen_describe') && !i.name.startsWith('export '));
  const total = items.reduce((s, i) => s + i.shallow_size, 0);
  const crates = new Map();
  for (const i of items) crates.set(crate(i.name), (crates.get(crate(i.name)) ?? 0) + i.shallow_size);
  console.log(`\n  ${bin}.wasm: ${kb(total)} of code and data before wasm-opt, by crate`);
  for (const [c, n] of [...crates].sort((a, b) => b[1] - a[1]).slice(0, TOP)) {
    console.log(`    ${c.padEnd(28)} ${kb(n).padStart(9)}  ${((100 * n) / total).toFixed(1).padStart(5)}%`);
  }
  console.log(`  largest functions`);
  for (const i of items.slice(0, TOP)) {
    const name = i.name.replace(/::h[0-9a-f]{16}$/, '');
    console.log(`    ${kb(i.shallow_size).padStart(9)}  ${name.length > 110 ? name.slice(0, 107) + '...' : name}`);
  }
}
