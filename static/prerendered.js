// The release build prerenders a document's first page into templates above the splash, one
// per language (examples/prerender.rs); each says its route and what stored data would change
// it. When the app will start on that very page (its route, and nothing stored that it would
// show), this shows the page in the language the app will pick (the one chosen here before,
// else the browser's first known one, else English), so the first paint is the page itself;
// the app then renders the same page over it, and only then can its fields be used. Otherwise
// the splash stays until the app starts.
(() => {
  const first = document.querySelector('template[data-route]');
  if (!first) return;
  const page = (code) => document.getElementById('page-' + String(code).split('-')[0].toLowerCase());
  let shown = [document.querySelector('.splash')];
  const show = (template) => {
    const copy = template.content.cloneNode(true);
    const nodes = [...copy.children];
    shown[0].before(copy);
    shown.forEach((node) => node.remove());
    shown = nodes;
    // Its fields wait for the app, which draws the page anew: what is typed before then
    // would be lost.
    document.querySelectorAll('main form, main input, main select, main textarea, main button')
      .forEach((field) => field.setAttribute('inert', ''));
    document.documentElement.lang = template.id.slice(5);
    document.documentElement.dir = template.dataset.dir;
    // Until the app starts, the skip link and the language menu do what they do in it.
    document.querySelector('.skip-link').addEventListener('click', (event) => {
      event.preventDefault();
      document.getElementById('main').focus();
    });
    const menu = document.getElementById('language');
    menu.addEventListener('change', () => {
      try {
        localStorage.setItem('kafaa.lang', menu.value);
      } catch {
        // Full storage: the page still switches; the app will say it cannot save.
      }
      show(page(menu.value));
      document.getElementById('language').focus();
    });
  };
  try {
    if ((location.hash || '#/') !== first.dataset.route) return;
    // What is stored, in either form: one key (before schema 6) or a key per part.
    const head = JSON.parse(localStorage.getItem('kafaa')) || {};
    const kept = (key) => ![null, '[]', '{}'].includes(localStorage.getItem(key));
    const results = kept('kafaa.history') || (head.history || []).length > 0;
    const sessions = (head.sessions || []).length > 0
      || Object.keys(localStorage).some((key) => key.startsWith('kafaa.session.'));
    const shows = {
      home: () => !head.current && !results,
      guidance: () => !results,
      classroom: () => !sessions,
      counselor: () => !head.counselor,
      questions: () => !kept('kafaa.questions') && !head.questions,
    }[first.dataset.when];
    if (!shows || !shows()) return;
    show(page(localStorage.getItem('kafaa.lang')) || navigator.languages.map(page).find(Boolean) || page('en'));
  } catch {
    // Storage closed (private mode) or unreadable: the app will say so; the splash stays.
  }
})();
