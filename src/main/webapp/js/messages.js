// Status messages and errors: one polite live region for news, one alert region for errors, and
// per-field errors placed next to the field they concern (aria-invalid + aria-describedby).
import { h, replace, clear } from './dom.js';
import { t, has, formatDate } from './i18n.js';

function statusRegion() {
  return document.getElementById('status');
}

function errorRegion() {
  return document.getElementById('error');
}

export function announce(text) {
  const region = statusRegion();
  if (!region) return;
  // Re-setting the same text would not be read out again; clear first. The regions stay in the
  // page (only styled away when empty) so screen readers keep listening to them.
  clear(region);
  if (text) window.requestAnimationFrame(() => replace(region, text));
}

export function clearMessages(form) {
  const status = statusRegion();
  const error = errorRegion();
  if (status) clear(status);
  if (error) clear(error);
  if (form) clearFieldErrors(form);
}

/** The message for an ApiError, in the member's language where the type is known. */
export function problemText(err) {
  const type = err && err.type;
  const problem = (err && err.problem) || {};
  let text;
  if (type && has(`problem.${type}`)) {
    text = t(`problem.${type}`, { id: problem.mergedInto ?? '' });
  } else {
    text = problem.title || (err && err.message) || t('problem.unknown');
  }
  if (type === 'vote-budget-exhausted' && problem.resetsAt) {
    text += ' ' + t('budget.resetsAt', { date: formatDate(problem.resetsAt) });
  }
  return text;
}

/** Shows an error: a summary in the alert region, and each field's message beside its field. */
export function showError(err, form) {
  if (err && err.handled) return;
  const region = errorRegion();
  if (form) clearFieldErrors(form);
  const unplaced = [];
  const errors = (err && err.errors) || [];
  let firstInvalid = null;
  for (const fieldError of errors) {
    const placed = form && placeFieldError(form, fieldError);
    if (placed) firstInvalid = firstInvalid || placed;
    else unplaced.push(fieldError);
  }
  if (!region) return;
  const problem = (err && err.problem) || {};
  const detail =
    problem.detail && problem.detail !== problem.title && !errors.length ? problem.detail : null;
  replace(
    region,
    h('p', { class: 'error-title' }, problemText(err)),
    detail ? h('p', { class: 'error-detail' }, detail) : null,
    unplaced.length
      ? h('ul', {}, unplaced.map((e) => h('li', {}, [e.field, e.message].filter(Boolean).join(': '))))
      : null,
  );
  if (firstInvalid) firstInvalid.focus();
}

function fieldName(field) {
  // Bean Validation paths look like "create.request.title"; the form knows "title".
  const parts = String(field || '').split('.');
  return parts[parts.length - 1];
}

function placeFieldError(form, fieldError) {
  const name = fieldName(fieldError.field);
  const input = name && form.elements.namedItem(name);
  if (!input || !(input instanceof HTMLElement)) return null;
  const id = `${input.id || name}-error`;
  let holder = form.querySelector(`[data-error-for="${CSS.escape(name)}"]`);
  if (!holder) {
    holder = h('p', { class: 'field-error', id, dataset: { errorFor: name, testid: `field-error-${name}` } });
    input.insertAdjacentElement('afterend', holder);
  }
  holder.id = id;
  holder.textContent = fieldError.message || t('problem.invalid-input');
  input.setAttribute('aria-invalid', 'true');
  const described = (input.getAttribute('aria-describedby') || '').split(' ').filter(Boolean);
  if (!described.includes(id)) described.push(id);
  input.setAttribute('aria-describedby', described.join(' '));
  return input;
}

export function clearFieldErrors(form) {
  form.querySelectorAll('[data-error-for]').forEach((el) => {
    const input = form.elements.namedItem(el.dataset.errorFor);
    if (input && input instanceof HTMLElement) {
      input.removeAttribute('aria-invalid');
      const rest = (input.getAttribute('aria-describedby') || '')
        .split(' ')
        .filter((id) => id && id !== el.id);
      if (rest.length) input.setAttribute('aria-describedby', rest.join(' '));
      else input.removeAttribute('aria-describedby');
    }
    el.remove();
  });
}

let pendingFlash = null;

/** A message to show after the next route change (e.g. "Idea submitted" on the idea's page). */
export function flash(text) {
  pendingFlash = text;
}

export function takeFlash() {
  const text = pendingFlash;
  pendingFlash = null;
  return text;
}
