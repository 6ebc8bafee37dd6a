// Kafaa's service worker: after one visit the whole app works offline.
//
// On install it caches every HTML document of the app (index.html, careers.html,
// classroom.html, counselor.html, questions.html) and the hashed files they name, the content index, the
// assessment settings, the guidance data and every interface catalog (small: the interface can
// switch language offline). Questions are per language (the build splits them): what a page
// fetches is cached as it goes, and once a page says which language it shows (register-sw.js),
// the rest of that language's questions is cached in the background; the languages so kept
// are cached again with each new version.
// Pages and files are then served from that cache first, so a reload with the network off
// behaves like online. When a visit finds a new version of a document (new hashed files), the
// new version is cached in the background and open pages are told, so they can offer to
// reload; nothing is replaced under a page that is running.
'use strict';

const PREFIX = 'kafaa-';
/** The app's HTML documents, each with its own wasm (see ARCHITECTURE.md). */
const DOCUMENTS = ['./', 'careers.html', 'classroom.html', 'counselor.html', 'questions.html'];
/** The documents' own message catalogs, per language: `i18n/<part>/<code>.json`. */
const PARTS = ['careers', 'classroom', 'questions'];
/** Where the languages kept for offline use are remembered (a JSON list of codes). */
const LANGUAGES = '__languages__';

const json = async (path) => (await fetch(path, { cache: 'no-cache' })).json();

/** Every file of the version whose documents' texts are `pages`: the files they name, the
 * content index and settings, the guidance data and every catalog. */
async function filesOf(pages) {
  const files = new Set(['content/index.json', 'content/assessment.json', 'content/precision.json',
    'i18n/languages.json',
    'guidance/guidance.json', 'guidance/interests.json']);
  for (const m of pages.join('\n').matchAll(/(?:href|src)="(?:\.\/)?([^"?#:]+)"|(?:from ?|import\(|fetch\()["']\.\/([^"']+)["']/g)) {
    files.add(m[1] || m[2]);
  }
  for (const l of (await json('i18n/languages.json')).languages) {
    files.add(l.file);
    for (const part of PARTS) files.add(`i18n/${part}/${l.code}.json`);
  }
  return [...files];
}

/** The questions of language `code`: every domain's file as the build splits them,
 * `content/<code>/<file>`; none for a language the bank does not have. */
async function filesIn(code) {
  const index = await json('content/index.json');
  return index.languages.includes(code) ? index.domains.map((d) => `content/${code}/${d.file}`) : [];
}

/** The languages kept for offline use so far. */
async function keptLanguages() {
  const kept = await (await caches.open(PREFIX + 'meta')).match(LANGUAGES);
  return kept ? kept.json() : [];
}

/** Caches the files of language `code` that `cache` lacks, and remembers the language. */
async function cacheLanguage(cache, code) {
  const files = await filesIn(code);
  const missing = [];
  for (const f of files) if (!(await cache.match(f))) missing.push(f);
  await cache.addAll(missing);
  const kept = await keptLanguages();
  if (files.length && !kept.includes(code)) {
    await (await caches.open(PREFIX + 'meta')).put(LANGUAGES, new Response(JSON.stringify([...kept, code])));
  }
}

/** The text of every document, fresh from the network. */
async function fetchDocuments() {
  return Promise.all(DOCUMENTS.map(async (d) => (await fetch(d, { cache: 'no-cache' })).text()));
}

/** A short, stable name for a version: a hash of its documents. */
function versionOf(pages) {
  const index = pages.join('\n');
  let h = 0;
  for (let i = 0; i < index.length; i++) h = (h * 31 + index.charCodeAt(i)) | 0;
  return PREFIX + (h >>> 0).toString(16);
}

/** Caches a whole version; resolves to its cache name. */
async function cacheVersion(pages) {
  const name = versionOf(pages);
  const cache = await caches.open(name);
  for (const [i, text] of pages.entries()) {
    await cache.put(DOCUMENTS[i], new Response(text, { headers: { 'Content-Type': 'text/html; charset=utf-8' } }));
  }
  await cache.addAll(await filesOf(pages));
  for (const code of await keptLanguages()) await cacheLanguage(cache, code);
  return name;
}

/** The cache of the version pages are served from. */
async function currentCache() {
  const active = await (await caches.open(PREFIX + 'meta')).match('__active__');
  return active ? caches.open(await active.text()) : null;
}

async function setActive(name) {
  const meta = await caches.open(PREFIX + 'meta');
  await meta.put('__active__', new Response(name));
  for (const n of await caches.keys()) {
    if (n.startsWith(PREFIX) && n !== name && n !== PREFIX + 'meta') await caches.delete(n);
  }
}

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    await setActive(await cacheVersion(await fetchDocuments()));
    await self.skipWaiting();
  })());
});

// A page says which language it shows: keep that language for offline use.
self.addEventListener('message', (event) => {
  const code = event.data && event.data.type === 'kafaa-language' && event.data.lang;
  if (typeof code !== 'string' || !/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/.test(code)) return;
  event.waitUntil((async () => {
    const cache = await currentCache();
    if (cache) await cacheLanguage(cache, code);
  })());
});

self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

/** Looks for a new version; caches it and tells the open pages when there is one. */
async function checkForUpdate() {
  let pages;
  try {
    pages = await fetchDocuments();
  } catch {
    return; // offline: keep the cached version
  }
  if ((await caches.keys()).includes(versionOf(pages))) return;
  await setActive(await cacheVersion(pages));
  for (const client of await self.clients.matchAll()) client.postMessage({ type: 'kafaa-update-ready' });
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  const isPage = request.mode === 'navigate';
  event.respondWith((async () => {
    const cache = await currentCache();
    const key = isPage ? DOCUMENTS.find((d) => d !== './' && url.pathname.endsWith('/' + d)) ?? './' : request;
    const cached = cache && (await cache.match(key, { ignoreSearch: true }));
    if (isPage) event.waitUntil(checkForUpdate());
    if (cached) return cached;
    const response = await fetch(request);
    if (response.ok && cache) cache.put(request, response.clone());
    return response;
  })());
});
