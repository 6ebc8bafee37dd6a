// Gives the names between each document's wasm and its wasm-bindgen glue short forms, in
// both files.
//
// wasm-bindgen names every function the wasm imports from its glue after the API it wraps
// plus a 16-digit hash (`__wbg_addEventListener_847fd86b8c33ec43`), and the name is written
// twice: in the wasm's import section and as a key of the glue's import object. Over a
// hundred such names are about 4 KB of each file, and the hashes do not compress; as `a`,
// `b`, ... they are a few hundred bytes. The module they come from (`./kafaa_bg.js`, written
// before each import) becomes `a`, and the wasm's own exports that the glue calls
// (`wasm.__wbindgen_malloc`, `wasm.wasm_bindgen__convert__closures_____invoke__h…`) `$a`,
// `$b`, ... Nothing else refers to these names: the wasm calls an import by its index, and
// the glue hands its object to `WebAssembly.instantiate` and reads the instance's exports.
//
//   import { shortenNames } from './short-names.mjs';
//   const { glue, wasm, renamed } = shortenNames(glueSource, wasmBytes);

/** Reads an unsigned LEB128 at `at`: [value, position after it]. */
function leb(bytes, at) {
  let value = 0;
  let shift = 0;
  let byte;
  do {
    byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [value, at];
}

/** Writes `value` as unsigned LEB128. */
function toLeb(value) {
  const out = [];
  do {
    let byte = value % 128;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 0x80;
    out.push(byte);
  } while (value > 0);
  return Buffer.from(out);
}

const name = (text) => Buffer.concat([toLeb(Buffer.byteLength(text)), Buffer.from(text)]);

/** `a` … `z`, `A` … `Z`, then two letters and more: short, and valid as object keys. */
function shortName(i) {
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  let out = '';
  do {
    out = letters[i % letters.length] + out;
    i = Math.floor(i / letters.length) - 1;
  } while (i >= 0);
  return out;
}

/** Skips an import's description (after its kind byte) at `at`: the position after it. */
function skipDescription(bytes, kind, at) {
  const limits = (p) => {
    const flags = bytes[p];
    let [, next] = leb(bytes, p + 1);
    if (flags & 1) [, next] = leb(bytes, next);
    return next;
  };
  switch (kind) {
    case 0: return leb(bytes, at)[1]; // function: its type index
    case 1: return limits(at + 1); // table: element type, limits
    case 2: return limits(at); // memory: limits
    case 3: return at + 2; // global: value type, mutability
    case 4: return leb(bytes, at + 1)[1]; // tag: attribute, type index
    default: throw new Error(`unknown import kind ${kind}`);
  }
}

/** Replaces every match of `pattern` in `text`, which must match `min` to `max` times. */
function replaceAll(text, pattern, replacement, what, min = 1, max = Infinity) {
  const found = text.match(pattern)?.length ?? 0;
  if (found < min || found > max) throw new Error(`${what}: found ${found} times in the glue`);
  return text.replace(pattern, replacement);
}

/**
 * The glue and the wasm with the names between them shortened. Throws when the glue does not
 * declare each import exactly once as the files wasm-bindgen writes do: a build with names
 * out of step would not start, so it must not ship.
 */
export function shortenNames(glue, wasm) {
  const parts = [wasm.subarray(0, 8)];
  let at = 8;
  let renamed = 0;
  const modules = new Map();
  // The exports wasm-bindgen names for itself: the glue reads them as `wasm.<name>`.
  // (`memory`, `main` and the like are left alone.)
  const renameExports = (section) => {
    let [count, p] = leb(section, 0);
    const out = [toLeb(count)];
    for (let i = 0; i < count; i++) {
      let size;
      [size, p] = leb(section, p);
      const field = section.subarray(p, p + size).toString();
      p += size;
      const descriptionStart = p;
      p = leb(section, p + 1)[1];
      let newField = field;
      if (/^(__wbindgen_|__externref_|wasm_bindgen__)/.test(field)) {
        newField = `$${shortName(i)}`;
        glue = replaceAll(glue, new RegExp(`(?<=\\bwasm\\.)${field}(?![\\w$])`, 'g'), () => newField, field, 0);
      }
      out.push(name(newField), section.subarray(descriptionStart, p));
    }
    const body = Buffer.concat(out);
    return Buffer.concat([Buffer.from([7]), toLeb(body.length), body]);
  };
  while (at < wasm.length) {
    const id = wasm[at];
    const [length, body] = leb(wasm, at + 1);
    const end = body + length;
    if (id === 7) {
      parts.push(renameExports(wasm.subarray(body, end)));
      at = end;
      continue;
    }
    if (id !== 2) {
      parts.push(wasm.subarray(at, end));
      at = end;
      continue;
    }
    let [count, p] = leb(wasm, body);
    const imports = [];
    for (let i = 0; i < count; i++) {
      let size;
      [size, p] = leb(wasm, p);
      const module = wasm.subarray(p, p + size).toString();
      p += size;
      [size, p] = leb(wasm, p);
      const field = wasm.subarray(p, p + size).toString();
      p += size;
      const descriptionStart = p;
      p = skipDescription(wasm, wasm[p], p + 1);
      const description = wasm.subarray(descriptionStart, p);
      let newField = field;
      if (/^__wbg_/.test(field)) {
        newField = shortName(renamed++);
        glue = replaceAll(glue, new RegExp(`^(\\s*)${field}:`, 'gm'), `$1${newField}:`, field, 1, 1);
      }
      const newModule = modules.get(module) ?? shortName(modules.size);
      if (!modules.has(module)) {
        modules.set(module, newModule);
        glue = replaceAll(glue, new RegExp(`"${module.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}":`, 'g'), `${newModule}:`, module);
      }
      imports.push(Buffer.concat([name(newModule), name(newField), description]));
    }
    const section = Buffer.concat([toLeb(count), ...imports]);
    parts.push(Buffer.from([2]), toLeb(section.length), section);
    at = end;
  }
  return { glue, wasm: Buffer.concat(parts), renamed };
}
