// Sign in and sign up. Both answer with the member and a CSRF token, which the session keeps.
import { h } from '../dom.js';
import { t, locale, setLocale, isSupported } from '../i18n.js';
import { api } from '../api.js';
import { setSession } from '../session.js';
import { showError, clearMessages, flash } from '../messages.js';
import { field, busy, submitButton, requiredNote } from '../forms.js';
import { navigate } from '../router.js';
import { loadBudget } from '../budget.js';

const MEMBER_TYPES = ['enthusiast', 'developer', 'power_user', 'casual', 'creator'];

function nextPath(query) {
  const next = query.get('next');
  // Only hash paths inside the portal; never an absolute URL.
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

async function signedIn(body, query, message) {
  setSession(body);
  if (body.member && isSupported(body.member.locale) && body.member.locale !== locale()) {
    setLocale(body.member.locale);
  }
  await loadBudget();
  flash(message);
  navigate(nextPath(query));
}

export function signInView({ query }) {
  const email = field({ name: 'email', label: t('auth.email'), type: 'email', required: true, autocomplete: 'email', testid: 'signin-email' });
  const password = field({ name: 'password', label: t('auth.password'), type: 'password', required: true, autocomplete: 'current-password', testid: 'signin-password' });
  const form = h(
    'form',
    { class: 'card form', novalidate: true, dataset: { testid: 'signin-form' } },
    email.row,
    password.row,
    h('div', { class: 'actions' }, submitButton(t('auth.signIn'), 'signin-submit')),
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearMessages(form);
    await busy(form, async () => {
      try {
        const body = await api('POST', '/session', { email: email.input.value.trim(), password: password.input.value }, { allow401: true });
        await signedIn(body, query, t('auth.welcomeBack', { name: body.member ? body.member.displayName : '' }));
      } catch (err) {
        if (err.status === 401) {
          showError({ ...err, type: 'bad-credentials', problem: { title: t('problem.bad-credentials') }, errors: [] }, form);
        } else {
          showError(err, form);
        }
      }
    });
  });
  return h(
    'section',
    { class: 'narrow' },
    h('h1', {}, t('auth.signInTitle')),
    form,
    h('p', {}, t('auth.noAccount'), ' ', h('a', { href: `#/signup${query.get('next') ? `?next=${encodeURIComponent(query.get('next'))}` : ''}` }, t('auth.signUpLink'))),
  );
}

export function signUpView({ query }) {
  const email = field({ name: 'email', label: t('auth.email'), type: 'email', required: true, autocomplete: 'email', testid: 'signup-email' });
  const password = field({
    name: 'password',
    label: t('auth.password'),
    type: 'password',
    required: true,
    autocomplete: 'new-password',
    minlength: 10,
    hint: t('auth.passwordHint'),
    testid: 'signup-password',
  });
  const displayName = field({ name: 'displayName', label: t('auth.displayName'), required: true, autocomplete: 'nickname', maxlength: 80, testid: 'signup-display-name' });
  const memberType = field({
    name: 'memberType',
    label: t('auth.memberType'),
    type: 'select',
    required: true,
    testid: 'signup-member-type',
    options: MEMBER_TYPES.map((v) => ({ value: v, label: t(`memberType.${v}`) })),
  });
  const deviceLine = field({ name: 'deviceLine', label: t('auth.deviceLine'), hint: t('auth.deviceLineHint'), maxlength: 40, testid: 'signup-device-line' });
  const region = field({ name: 'region', label: t('auth.region'), hint: t('auth.regionHint'), maxlength: 40, autocomplete: 'country-name', testid: 'signup-region' });
  const form = h(
    'form',
    { class: 'card form', novalidate: true, dataset: { testid: 'signup-form' } },
    requiredNote(),
    email.row,
    password.row,
    displayName.row,
    memberType.row,
    deviceLine.row,
    region.row,
    h('div', { class: 'actions' }, submitButton(t('auth.signUp'), 'signup-submit')),
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearMessages(form);
    const body = {
      email: email.input.value.trim(),
      password: password.input.value,
      displayName: displayName.input.value.trim(),
      locale: locale(),
      memberType: memberType.input.value,
    };
    if (deviceLine.input.value.trim()) body.deviceLine = deviceLine.input.value.trim();
    if (region.input.value.trim()) body.region = region.input.value.trim();
    await busy(form, async () => {
      try {
        const answer = await api('POST', '/members', body, { allow401: true });
        await signedIn(answer, query, t('auth.welcome', { name: body.displayName }));
      } catch (err) {
        showError(err, form);
      }
    });
  });
  return h(
    'section',
    { class: 'narrow' },
    h('h1', {}, t('auth.signUpTitle')),
    form,
    h('p', {}, t('auth.haveAccount'), ' ', h('a', { href: '#/signin' }, t('auth.signInLink'))),
  );
}
