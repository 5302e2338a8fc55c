// Hash routes (#/ideas/12?tab=x): the WAR serves one page, so a reload or a shared link works
// without server-side routing. Each view renders into <main>; focus then moves to its heading.
import { h, replace } from './dom.js';
import { t } from './i18n.js';
import { signedIn, isManager } from './session.js';
import { clearMessages, showError, takeFlash, announce, flash } from './messages.js';

const routes = [];
let renderCount = 0;

/** route('/ideas/:id', view, {auth: true, manager: true}) */
export function route(pattern, view, options = {}) {
  const names = [];
  const regex = new RegExp(
    '^' +
      pattern.replace(/:(\w+)/g, (m, name) => {
        names.push(name);
        return '([^/]+)';
      }) +
      '$',
  );
  routes.push({ regex, names, view, ...options });
}

export function current() {
  const raw = window.location.hash.startsWith('#/') ? window.location.hash.slice(1) : '/';
  const [path, search = ''] = raw.split('?');
  return { path: path || '/', query: new URLSearchParams(search), raw };
}

export function navigate(path) {
  if (window.location.hash === `#${path}`) {
    render();
  } else {
    window.location.hash = `#${path}`;
  }
}

export function signInPath() {
  const { raw } = current();
  const next = raw.startsWith('/signin') || raw.startsWith('/signup') ? '/' : raw;
  return `/signin?next=${encodeURIComponent(next)}`;
}

/** Renders the view for the current hash. Stale renders (the member moved on) are dropped. */
export async function render({ keepFocus = false } = {}) {
  const main = document.getElementById('main');
  const mine = ++renderCount;
  const here = current();
  let match = null;
  let params = {};
  for (const r of routes) {
    const m = here.path.match(r.regex);
    if (m) {
      match = r;
      r.names.forEach((name, i) => {
        params[name] = decodeURIComponent(m[i + 1]);
      });
      break;
    }
  }
  clearMessages();
  if (!match) {
    show(main, notFound(), keepFocus);
    return;
  }
  if (match.auth && !signedIn()) {
    flash(t('auth.signInRequired'));
    navigate(signInPath());
    return;
  }
  if (match.manager && !isManager()) {
    show(main, h('section', {}, h('h1', { tabindex: '-1' }, t('error.forbiddenTitle')), h('p', {}, t('problem.forbidden'))), keepFocus);
    return;
  }
  main.setAttribute('aria-busy', 'true');
  let node;
  try {
    node = await match.view({ params, query: here.query, path: here.path });
  } catch (err) {
    node = h('section', {}, h('h1', { tabindex: '-1' }, t('error.loadFailed')));
    if (mine === renderCount) window.queueMicrotask(() => showError(err));
  }
  if (mine !== renderCount) return;
  main.removeAttribute('aria-busy');
  show(main, node, keepFocus);
  const message = takeFlash();
  if (message) announce(message);
}

function show(main, node, keepFocus) {
  replace(main, node);
  const heading = main.querySelector('h1');
  document.title = heading ? `${heading.textContent} · ${t('app.name')}` : t('app.name');
  if (heading && !keepFocus) {
    if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
    heading.focus();
  }
}

function notFound() {
  return h('section', {}, h('h1', { tabindex: '-1' }, t('error.notFoundTitle')), h('p', {}, h('a', { href: '#/' }, t('nav.ideas'))));
}

export function start() {
  window.addEventListener('hashchange', () => render());
  return render({ keepFocus: true });
}
