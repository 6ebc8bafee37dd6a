// A small static file server for dist/, behaving as static hosts do: correct MIME types
// (application/wasm), gzip when the browser accepts it, no caching of pages and data
// (revalidated by ETag), hashed assets cached for good, nothing but files under the root, and
// the headers the build's `_headers` file names (as Netlify and Cloudflare Pages read it). Used by
// scripts/serve, by the end-to-end tests and by scripts/bench.
//
//   node scripts/static-server.mjs <root> [port] [host]   (port 0 picks a free one)
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
};

/** The `_headers` file's rules: [path or `/*`, {name: value}], in file order. */
function headerRules(base) {
  let text;
  try { text = readFileSync(join(base, '_headers'), 'utf8'); } catch { return []; }
  const rules = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    if (!/^\s/.test(line)) rules.push([line.trim(), {}]);
    else if (rules.length) {
      const at = line.indexOf(':');
      rules.at(-1)[1][line.slice(0, at).trim()] = line.slice(at + 1).trim();
    }
  }
  return rules;
}

/** What is sent compressed. */
const COMPRESSED = new Set(['.html', '.js', '.mjs', '.css', '.json', '.wasm', '.svg', '.webmanifest', '.txt']);
/** Compressed bodies by ETag: each file is compressed once. */
const GZIPPED = new Map();
const compressed = (body, etag) => {
  if (!GZIPPED.has(etag)) GZIPPED.set(etag, gzipSync(body, { level: 9 }));
  return GZIPPED.get(etag);
};

/** Starts serving `root`; resolves to the node http.Server once listening. `onServe`, if
 * given, is told of every file sent: its path, its body, and the bytes sent. */
export function serve(root, port = 0, host = '127.0.0.1', { onServe } = {}) {
  const base = resolve(root);
  const rules = headerRules(base);
  const headersFor = (pathname) => Object.assign({}, ...rules
    .filter(([pattern]) => pattern === '/*' || pattern === pathname)
    .map(([, h]) => h));
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://x');
      let path = normalize(join(base, decodeURIComponent(url.pathname)));
      if (path !== base && !path.startsWith(base + sep)) {
        res.writeHead(403).end('forbidden');
        return;
      }
      if ((await stat(path).catch(() => null))?.isDirectory()) path = join(path, 'index.html');
      const body = await readFile(path);
      const hashed = /-[0-9a-f]{8,}(_bg)?\.[a-z]+$/.test(path);
      // Compressed when the browser accepts it, as static hosts do (wasm, scripts, styles,
      // pages and data; not images).
      const gzip = COMPRESSED.has(extname(path)) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
      // A validator, as static hosts send: a file asked again unchanged costs no body.
      const etag = `"${createHash('sha1').update(body).digest('base64url')}${gzip ? '-gz' : ''}"`;
      const headers = {
        ...headersFor(url.pathname),
        'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream',
        'Cache-Control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
        'X-Content-Type-Options': 'nosniff',
        ETag: etag,
        Vary: 'Accept-Encoding',
        ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
      };
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, headers).end();
        return;
      }
      const sent = gzip ? compressed(body, etag) : body;
      onServe?.({ path: url.pathname, body, sent: sent.length });
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : sent);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
    }
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => ok(server));
  });
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [root = 'dist', port = '8080', host = '127.0.0.1'] = process.argv.slice(2);
  const server = await serve(root, Number(port), host);
  const { port: actual } = server.address();
  console.log(`Kafaa is served at http://${host}:${actual}/ (Ctrl-C to stop)`);
}
