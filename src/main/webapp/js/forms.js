// Form building blocks: every control has a real <label>, hints are tied with aria-describedby.
import { h, uid } from './dom.js';
import { t } from './i18n.js';

/** A labelled input, textarea or select. Returns {row, input}. */
export function field({ name, label, type = 'text', required = false, hint, options, testid, ...attrs }) {
  const id = uid(name);
  const hintId = hint ? `${id}-hint` : null;
  let input;
  if (type === 'textarea') {
    input = h('textarea', { id, name, required, 'aria-describedby': hintId, ...attrs });
  } else if (type === 'select') {
    input = h(
      'select',
      { id, name, required, 'aria-describedby': hintId, ...attrs },
      (options || []).map((o) => h('option', { value: o.value, selected: o.selected }, o.label)),
    );
  } else {
    input = h('input', { id, name, type, required, 'aria-describedby': hintId, ...attrs });
  }
  if (testid) input.dataset.testid = testid;
  const row = h(
    'div',
    { class: 'field' },
    h('label', { for: id }, label, required ? h('span', { class: 'required', 'aria-hidden': 'true' }, ' *') : null),
    hint ? h('p', { class: 'hint', id: hintId }, hint) : null,
    input,
  );
  return { row, input };
}

/** Disables a form's submit button while a request runs, so it cannot be sent twice. */
export async function busy(form, fn) {
  const buttons = [...form.querySelectorAll('button[type="submit"]')];
  buttons.forEach((b) => {
    b.disabled = true;
    b.setAttribute('aria-busy', 'true');
  });
  try {
    return await fn();
  } finally {
    buttons.forEach((b) => {
      b.disabled = false;
      b.removeAttribute('aria-busy');
    });
  }
}

export function submitButton(label, testid) {
  return h('button', { type: 'submit', class: 'primary', dataset: testid ? { testid } : undefined }, label);
}

export function requiredNote() {
  return h('p', { class: 'hint' }, t('form.requiredNote'));
}
