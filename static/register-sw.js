// Registers Kafaa's service worker (offline use), tells it the language in use and, when a new version has been cached,
// shows a notice with a reload button, worded from the interface catalog of the page's
// language.
'use strict';

(function () {
  if (!('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register('sw.js').catch(() => {});
  // The service worker keeps the language this page shows (its questions and catalogs) for
  // offline use: told once it is ready, and again whenever the learner switches.
  const tell = () => navigator.serviceWorker.ready.then((registration) => {
    const lang = document.documentElement.lang;
    if (lang && registration.active) registration.active.postMessage({ type: 'kafaa-language', lang });
  });
  tell();
  new MutationObserver(tell).observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
  navigator.serviceWorker.addEventListener('message', async (event) => {
    if (!event.data || event.data.type !== 'kafaa-update-ready' || document.getElementById('update-notice')) return;
    const lang = document.documentElement.lang || 'en';
    let text = { notice_update: 'A new version of Kafaa is ready.', notice_update_reload: 'Reload' };
    try {
      const list = await (await fetch('i18n/languages.json')).json();
      const language = list.languages.find((l) => l.code === lang);
      if (language) text = await (await fetch(language.file)).json();
    } catch { /* keep English */ }
    const notice = document.createElement('div');
    notice.id = 'update-notice';
    notice.className = 'notice update';
    notice.setAttribute('role', 'status');
    const message = document.createElement('p');
    message.textContent = text.notice_update;
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = text.notice_update_reload;
    button.addEventListener('click', () => location.reload());
    notice.append(message, button);
    document.body.prepend(notice);
  });
})();
