// Starts the portal: learns the language and whether this browser is signed in, draws the header
// (navigation, vote budget, language switcher) and hands the page to the router.
import { h, replace } from './dom.js';
import { t, tn, locale, setLocale, initialLocale, onLocaleChange, isSupported, LOCALES, formatNumber } from './i18n.js';
import { session, signedIn, isManager, hasRole, onSessionChange, clearSession } from './session.js';
import { loadBudget } from './budget.js';
import { api, refreshSession } from './api.js';
import { showError, flash } from './messages.js';
import { route, start, render, navigate, signInPath, current } from './router.js';
import { signInView, signUpView } from './views/auth.js';
import { ideasView } from './views/ideas.js';
import { ideaView } from './views/idea.js';
import { submitView } from './views/submit.js';
import { myVotesView } from './views/myvotes.js';
import { moderationView } from './views/moderation.js';
// --- Q&A sessions (component qa) ---
import { qaHomeView, qaSessionView, qaInquiryView, qaMineView, qaInboxView, qaTriageView, qaTimelinessView } from './views/qa.js';
// --- ledger (response ledger: public, no sign-in) ---
import { ledgerView } from './views/ledger.js';
// --- end ledger ---
// ---- selection rounds (issue 4) ----
import { roundsView, roundView, ballotView, delegatesView, delegateView } from './views/selection.js';
// releases (issue 3)
import { releasesView, buildView } from './views/releases.js';
import { testersView } from './views/testers.js';
// ---- outcome reports (component reports) ----
import { reportsView, reportView, reportsManageView, reportDraftView } from './views/reports.js';

route('/', ideasView);
route('/ideas', ideasView);
route('/ideas/:id', ideaView);
route('/submit', submitView, { auth: true });
route('/my-votes', myVotesView, { auth: true });
route('/moderation', moderationView, { auth: true, manager: true });
// --- Q&A sessions (component qa) ---
route('/qa', qaHomeView);
route('/qa/sessions/:id', qaSessionView);
route('/qa/inquiries/:id', qaInquiryView);
route('/qa/timeliness', qaTimelinessView);
route('/qa/mine', qaMineView, { auth: true });
route('/qa/inbox', qaInboxView, { auth: true });
route('/qa/triage', qaTriageView, { auth: true, manager: true });
// --- ledger ---
route('/ledger', ledgerView);
// --- end ledger ---
// releases (issue 3)
route('/builds', releasesView);
// before /builds/:id, which would otherwise take "testers" for a build id
route('/builds/testers', testersView, { auth: true, manager: true });
route('/builds/:id', buildView);
route('/signin', signInView);
route('/signup', signUpView);
// ---- selection rounds (issue 4) ----
route('/rounds', roundsView);
route('/rounds/:id', roundView);
route('/rounds/:id/ballot', ballotView, { auth: true });
route('/delegates', delegatesView);
route('/delegates/:id', delegateView);
// ---- outcome reports (component reports) ----
route('/reports', reportsView);
route('/reports/manage', reportsManageView, { auth: true, manager: true });
route('/reports/drafts/:id', reportDraftView, { auth: true, manager: true });
route('/reports/:kind/:subject/:version', reportView);

let headerKey = null;

function memberKey() {
  const m = session.member;
  return m ? `${m.id}|${(m.roles || []).join(',')}|${m.displayName}|${locale()}` : `-|${locale()}`;
}

function navLink(path, label, testid) {
  const here = current().path;
  const active = path === '/' ? here === '/' || here === '/ideas' : here.startsWith(path);
  return h('li', {}, h('a', { href: `#${path}`, 'aria-current': active ? 'page' : null, dataset: { testid } }, label));
}

function languageSwitcher() {
  const select = h(
    'select',
    { id: 'language', dataset: { testid: 'language-switcher' }, onchange: (e) => changeLanguage(e.target.value) },
    LOCALES.map((code) => h('option', { value: code, lang: code, selected: code === locale() }, t(`lang.${code}`))),
  );
  return h('div', { class: 'language' }, h('label', { for: 'language' }, t('nav.language')), select);
}

function renderHeader() {
  const key = memberKey();
  if (key === headerKey) {
    updateNavCurrent();
    return;
  }
  headerKey = key;
  const header = document.getElementById('header');
  const hadFocus = document.activeElement && document.activeElement.id === 'language';
  const links = [navLink('/', t('nav.ideas'), 'nav-ideas')];
  // ---- releases (issue 3) ----
  links.push(navLink('/builds', t('nav.builds'), 'nav-builds'));
  // --- ledger ---
  links.push(navLink('/ledger', t('nav.ledger'), 'nav-ledger'));
  // --- end ledger ---
  // ---- selection rounds (issue 4) ----
  links.push(navLink('/rounds', t('nav.rounds'), 'nav-rounds'));
  // ---- outcome reports (component reports) ----
  links.push(navLink('/reports', t('nav.reports'), 'nav-reports'));
  if (signedIn()) {
    links.push(navLink('/submit', t('nav.submit'), 'nav-submit'));
    links.push(navLink('/my-votes', t('nav.myVotes'), 'nav-my-votes'));
    if (isManager()) links.push(navLink('/moderation', t('nav.moderation'), 'nav-moderation'));
  }
  // --- Q&A sessions (component qa) ---
  links.push(navLink('/qa', t('nav.qa'), 'nav-qa'));
  if (signedIn()) {
    if (hasRole('delegate')) links.push(navLink('/qa/mine', t('nav.qaMine'), 'nav-qa-mine'));
    if (hasRole('responder')) links.push(navLink('/qa/inbox', t('nav.qaInbox'), 'nav-qa-inbox'));
    if (isManager()) links.push(navLink('/qa/triage', t('nav.qaTriage'), 'nav-qa-triage'));
  }
  const account = signedIn()
    ? h(
        'div',
        { class: 'account' },
        h('span', { class: 'budget', dataset: { testid: 'budget' }, id: 'budget' }),
        h('span', { class: 'who', dataset: { testid: 'signed-in-as' } }, session.member.displayName || session.member.email),
        h('button', { type: 'button', class: 'link-button', dataset: { testid: 'sign-out' }, onclick: signOut }, t('nav.signOut')),
      )
    : h(
        'div',
        { class: 'account' },
        h('a', { href: `#${signInPath()}`, dataset: { testid: 'nav-signin' } }, t('nav.signIn')),
        h('a', { href: '#/signup', class: 'button-link', dataset: { testid: 'nav-signup' } }, t('nav.signUp')),
      );
  replace(
    header,
    h(
      'div',
      { class: 'bar' },
      h('a', { class: 'brand', href: '#/' }, t('app.name')),
      h('nav', { 'aria-label': t('nav.label') }, h('ul', {}, links)),
      h('div', { class: 'tools' }, account, languageSwitcher()),
    ),
  );
  renderBudget();
  if (hadFocus) document.getElementById('language').focus();
  const skip = document.getElementById('skip-link');
  skip.textContent = t('nav.skip');
}

function updateNavCurrent() {
  const here = current().path;
  document.querySelectorAll('#header nav a').forEach((a) => {
    const path = a.getAttribute('href').slice(1);
    const active = path === '/' ? here === '/' || here === '/ideas' : here.startsWith(path);
    if (active) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  });
}

function renderBudget() {
  const el = document.getElementById('budget');
  if (!el) return;
  const b = session.budget;
  if (!b || typeof b.remaining !== 'number') {
    replace(el, '');
    el.hidden = true;
    return;
  }
  el.hidden = false;
  const count = h('span', { dataset: { testid: 'budget-remaining' }, class: 'budget-count' }, formatNumber(b.remaining));
  const text = tn('budget.header', b.remaining, { n: '\u0000', limit: formatNumber(b.limit ?? 0) });
  // The count sits inside the sentence in both languages: split the template around {n}.
  const [before, after] = text.split('\u0000');
  replace(el, before, count, after ?? '');
}

async function changeLanguage(code) {
  if (!isSupported(code)) return;
  setLocale(code);
  if (signedIn() && session.member.locale !== code) {
    try {
      const me = await api('PATCH', '/me', { locale: code });
      session.member = { ...session.member, ...(me || {}), locale: code };
    } catch (err) {
      showError(err);
    }
  }
}

async function signOut() {
  try {
    await api('DELETE', '/session');
  } catch (err) {
    if (err.status !== 401) {
      showError(err);
      return;
    }
  }
  clearSession();
  flash(t('auth.signedOut'));
  navigate('/');
}

async function main() {
  setLocale(initialLocale(), { remember: false });
  document.documentElement.lang = locale();
  const skip = document.getElementById('skip-link');
  skip.addEventListener('click', (e) => {
    e.preventDefault();
    const heading = document.querySelector('#main h1') || document.getElementById('main');
    heading.focus();
  });
  await refreshSession();
  if (signedIn() && isSupported(session.member.locale) && session.member.locale !== locale()) {
    setLocale(session.member.locale);
  }
  onSessionChange(() => {
    renderHeader();
    renderBudget();
  });
  onLocaleChange(() => {
    renderHeader();
    render({ keepFocus: true });
  });
  window.addEventListener('hashchange', () => renderHeader());
  window.addEventListener('tribune:unauthenticated', () => {
    flash(t('auth.signInRequired'));
    navigate(signInPath());
  });
  renderHeader();
  loadBudget();
  await start();
  document.body.dataset.ready = 'true';
}

main();
