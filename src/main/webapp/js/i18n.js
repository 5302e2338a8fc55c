// UI strings live in i18n/<locale>.js; nothing in the markup is hard-coded text. The chosen
// language is remembered in localStorage and, for a signed-in member, on the member (PATCH /me).
import en from '../i18n/en.js';
import zhCN from '../i18n/zh-CN.js';

const dictionaries = { en, 'zh-CN': zhCN };
export const LOCALES = ['en', 'zh-CN'];
const STORAGE_KEY = 'tribune.locale';

let current = 'en';
const listeners = new Set();

export function locale() {
  return current;
}

export function isSupported(code) {
  return LOCALES.includes(code);
}

/** The language to start with: the remembered choice, else the browser's. */
export function initialLocale() {
  let stored = null;
  try {
    stored = localStorage.getItem(STORAGE_KEY);
  } catch (e) {
    stored = null;
  }
  if (isSupported(stored)) return stored;
  const wanted = (navigator.languages || [navigator.language || 'en']).map((l) => String(l).toLowerCase());
  return wanted.some((l) => l.startsWith('zh')) ? 'zh-CN' : 'en';
}

export function setLocale(code, { remember = true } = {}) {
  if (!isSupported(code)) return;
  const changed = code !== current;
  current = code;
  document.documentElement.lang = code;
  if (remember) {
    try {
      localStorage.setItem(STORAGE_KEY, code);
    } catch (e) {
      // Private mode: the choice lasts for this page only.
    }
  }
  if (changed) listeners.forEach((fn) => fn(code));
}

export function onLocaleChange(fn) {
  listeners.add(fn);
}

function lookup(key) {
  const own = dictionaries[current][key];
  if (own !== undefined) return own;
  return dictionaries.en[key];
}

export function has(key) {
  return lookup(key) !== undefined;
}

/** t('idea.by', {name}) — {name} placeholders are replaced with the given values (as text). */
export function t(key, vars = {}) {
  const template = lookup(key);
  if (template === undefined) return key;
  return template.replace(/\{(\w+)\}/g, (m, name) => (name in vars ? String(vars[name]) : m));
}

/** Plural-aware: looks up key.one / key.other by the locale's plural rules; {n} is the count. */
export function tn(key, n, vars = {}) {
  const rule = new Intl.PluralRules(current).select(n);
  const full = has(`${key}.${rule}`) ? `${key}.${rule}` : `${key}.other`;
  return t(full, { n: formatNumber(n), ...vars });
}

export function formatNumber(n) {
  return new Intl.NumberFormat(current).format(n);
}

export function formatDate(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  return new Intl.DateTimeFormat(current, { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

export function statusName(status) {
  return has(`status.${status}`) ? t(`status.${status}`) : String(status);
}
