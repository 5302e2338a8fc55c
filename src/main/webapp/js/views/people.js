// Picking members by name, for the community managers' screens (Q&A staffing and delegates,
// trusted testers). The search is GET /qa/departments/people, open to community managers only.
import { h, replace } from '../dom.js';
import { t } from '../i18n.js';
import { api, query } from '../api.js';
import { field } from '../forms.js';

/**
 * Choose members by name instead of typing ids: a search box (GET /qa/departments/people, community
 * managers) and the chosen people as removable chips. Returns {row, input}: input is a hidden field
 * whose value is the chosen ids, comma-separated, so actionForm reads it like any other field.
 */
export function peoplePicker({ name, label, hint, role, testid, chosen = [], single = false }) {
  const picked = new Map(chosen.map((p) => [p.id, p.name]));
  const input = h('input', { type: 'hidden', name });
  const search = field({ name: `${name}-search`, label, hint, type: 'search', autocomplete: 'off', testid: `${testid}-search` });
  const results = h('ul', { class: 'plain-list qa-picker-results', 'aria-live': 'polite', dataset: { testid: `${testid}-results` } });
  const chips = h('ul', { class: 'plain-list qa-picker-chosen', dataset: { testid: `${testid}-chosen` } });
  function sync() {
    input.value = [...picked.keys()].join(',');
    replace(
      chips,
      [...picked].map(([id, who]) =>
        h('li', { class: 'chip', dataset: { testid: `${testid}-chip`, memberId: id } }, who, ' ',
          h('button', { type: 'button', class: 'link', 'aria-label': t('qa.picker.remove', { name: who }), onclick: () => { picked.delete(id); sync(); } }, '×'))),
    );
  }
  let timer;
  search.input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const q = search.input.value.trim();
      if (!q) return replace(results);
      try {
        const found = await api('GET', `/qa/departments/people${query({ q, role })}`);
        replace(
          results,
          found.length
            ? found.map((p) =>
                h('li', {}, h('button', { type: 'button', dataset: { testid: `${testid}-option`, memberId: p.id }, onclick: () => {
                  if (single) picked.clear();
                  picked.set(p.id, p.name);
                  search.input.value = '';
                  replace(results);
                  sync();
                } }, t('qa.picker.add', { name: p.name }))))
            : [h('li', { class: 'empty' }, t('qa.picker.none'))],
        );
      } catch (err) {
        replace(results);
      }
    }, 250);
  });
  sync();
  const row = h('div', { class: 'qa-picker' }, search.row, results, chips, input);
  return { row, input };
}
