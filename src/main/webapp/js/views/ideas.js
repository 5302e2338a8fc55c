// The idea list: sort (top / trending / new), search, status filter, pages of 20.
// Filters update the list in place and push a history entry, so Back returns to the previous view.
import { h, replace } from '../dom.js';
import { t, tn, statusName } from '../i18n.js';
import { api, query as qs } from '../api.js';
import { showError, announce } from '../messages.js';
import { signedIn } from '../session.js';
import { STATUSES, ideaCard, pager, itemsOf } from './common.js';
import { field } from '../forms.js';

const LIMIT = 20;
const SORTS = ['top', 'trending', 'new'];

export async function ideasView({ query }) {
  const state = {
    sort: SORTS.includes(query.get('sort')) ? query.get('sort') : 'top',
    status: STATUSES.includes(query.get('status')) ? query.get('status') : '',
    q: query.get('q') || '',
    offset: Math.max(0, Number.parseInt(query.get('offset') || '0', 10) || 0),
  };

  const search = field({ name: 'q', label: t('list.search'), type: 'search', value: state.q, testid: 'idea-search', autocomplete: 'off', maxlength: 200 });
  const sort = field({
    name: 'sort',
    label: t('list.sort'),
    type: 'select',
    testid: 'sort-select',
    options: SORTS.map((s) => ({ value: s, label: t(`sort.${s}`), selected: s === state.sort })),
  });
  const status = field({
    name: 'status',
    label: t('list.status'),
    type: 'select',
    testid: 'status-filter',
    options: [{ value: '', label: t('list.allStatuses') }].concat(
      STATUSES.map((s) => ({ value: s, label: statusName(s), selected: s === state.status })),
    ),
  });
  const results = h('div', { class: 'results', dataset: { testid: 'idea-results' } });
  const sortHelp = h('p', { class: 'hint', id: 'trending-help' }, t('sort.trendingHelp'));

  const form = h(
    'form',
    { class: 'filters', role: 'search', 'aria-label': t('list.filters') },
    search.row,
    sort.row,
    status.row,
    h('div', { class: 'actions' }, h('button', { type: 'submit', dataset: { testid: 'search-submit' } }, t('list.searchButton'))),
  );

  async function load({ push = false, speak = false } = {}) {
    const params = { sort: state.sort, status: state.status, q: state.q.trim(), offset: state.offset || '' };
    if (push) {
      const next = `#/ideas${qs(params)}`;
      if (window.location.hash !== next) history.pushState(null, '', next);
    }
    results.setAttribute('aria-busy', 'true');
    try {
      const body = await api('GET', `/ideas${qs({ sort: state.sort, status: state.status, q: state.q.trim(), limit: LIMIT, offset: state.offset })}`);
      const items = itemsOf(body);
      const total = typeof body.total === 'number' ? body.total : items.length;
      sortHelp.hidden = state.sort !== 'trending';
      replace(
        results,
        h('p', { class: 'count', dataset: { testid: 'idea-total' } }, tn('list.total', total)),
        items.length
          ? h('ol', { class: 'idea-list', dataset: { testid: 'idea-list' } }, items.map(ideaCard))
          : h(
              'p',
              { class: 'empty', dataset: { testid: 'idea-list-empty' } },
              t('list.empty'),
              signedIn() ? [' ', h('a', { href: '#/submit' }, t('list.submitOne'))] : null,
            ),
        pager({
          total,
          offset: state.offset,
          limit: LIMIT,
          onPage: (offset) => {
            state.offset = offset;
            load({ push: true, speak: true }).then(() => {
              const heading = results.querySelector('.count');
              if (heading) {
                heading.setAttribute('tabindex', '-1');
                heading.focus();
              }
            });
          },
        }),
      );
      if (speak) announce(tn('list.total', total));
    } catch (err) {
      showError(err);
    } finally {
      results.removeAttribute('aria-busy');
    }
  }

  let timer = null;
  search.input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      state.q = search.input.value;
      state.offset = 0;
      load({ push: false, speak: true });
    }, 400);
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    clearTimeout(timer);
    state.q = search.input.value;
    state.offset = 0;
    load({ push: true, speak: true });
  });
  sort.input.addEventListener('change', () => {
    state.sort = sort.input.value;
    state.offset = 0;
    load({ push: true, speak: true });
  });
  status.input.addEventListener('change', () => {
    state.status = status.input.value;
    state.offset = 0;
    load({ push: true, speak: true });
  });

  await load();
  return h(
    'section',
    {},
    h(
      'div',
      { class: 'page-head' },
      h('h1', {}, t('list.title')),
      signedIn() ? h('a', { href: '#/submit', class: 'button-link primary', dataset: { testid: 'submit-link' } }, t('nav.submit')) : null,
    ),
    h('p', { class: 'lead' }, t('list.lead')),
    form,
    sortHelp,
    results,
  );
}
