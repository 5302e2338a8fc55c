// The public response ledger: the current signed checkpoint (large enough to show on the live
// session's screen), every entry newest first with filters by type, department, state and text,
// and a "Verify" button per entry that checks it in this browser (js/ledger-verify.js).
import { h, replace } from '../dom.js';
import { t, has, formatNumber, formatDate } from '../i18n.js';
import { api, query as qs } from '../api.js';
import { showError, announce } from '../messages.js';
import { field } from '../forms.js';
import { currentCheckpoint, verifyEntry, ed25519Supported, checkAgainstSeen } from '../ledger-verify.js';

const LIMIT = 25;

function reasonText(reason) {
  const key = `ledger.reason.${reason}`;
  return has(key) ? t(key) : reason;
}

function signatureText(signature) {
  return t(`ledger.signature.${signature}`);
}

function checkpointCard() {
  const body = h('div', { dataset: { testid: 'ledger-checkpoint-body' } }, t('ledger.loading'));
  const refresh = h('button', { type: 'button', dataset: { testid: 'ledger-checkpoint-refresh' } }, t('ledger.refresh'));
  const card = h(
    'section',
    { class: 'card ledger-checkpoint', 'aria-labelledby': 'ledger-checkpoint-title', dataset: { testid: 'ledger-checkpoint' } },
    h('div', { class: 'page-head' }, h('h2', { id: 'ledger-checkpoint-title' }, t('ledger.checkpointTitle')), refresh),
    body,
  );
  async function load(fresh) {
    body.setAttribute('aria-busy', 'true');
    try {
      const cp = await currentCheckpoint({ fresh });
      const seen = await checkAgainstSeen(cp);
      replace(
        body,
        h(
          'dl',
          { class: 'ledger-facts' },
          h('dt', {}, t('ledger.origin')),
          h('dd', { dataset: { testid: 'ledger-origin' } }, cp.origin),
          h('dt', {}, t('ledger.treeSize')),
          h('dd', { class: 'ledger-size', dataset: { testid: 'ledger-tree-size', size: String(cp.size) } }, formatNumber(cp.size)),
          h('dt', {}, t('ledger.root')),
          h('dd', {}, h('code', { class: 'ledger-hash', dataset: { testid: 'ledger-root' } }, cp.rootHex)),
          h('dt', {}, t('ledger.signatureLabel')),
          h('dd', { dataset: { testid: 'ledger-signature', status: cp.signature } }, signatureText(cp.signature)),
          h('dt', {}, t('ledger.consistencyLabel')),
          h(
            'dd',
            { dataset: { testid: 'ledger-consistency', status: seen.status } },
            t(`ledger.consistency.${seen.status}`, { size: formatNumber(seen.seenSize ?? 0) }),
          ),
        ),
        h('details', {}, h('summary', {}, t('ledger.rawNote')), h('pre', { class: 'ledger-note', dataset: { testid: 'ledger-note' } }, cp.note)),
      );
    } catch (e) {
      replace(body, h('p', { class: 'message error', dataset: { testid: 'ledger-checkpoint-error' } }, reasonText(e.reason || 'unavailable')));
    } finally {
      body.removeAttribute('aria-busy');
    }
  }
  refresh.addEventListener('click', () => load(true).then(() => announce(t('ledger.refreshed'))));
  return { card, load };
}

function summary(entry) {
  const skip = new Set(['seq', 'type', 'at']);
  return Object.entries(entry)
    .filter(([k]) => !skip.has(k))
    .map(([k, v]) => h('div', { class: 'ledger-field' }, h('span', { class: 'ledger-key' }, k), ' ', h('span', {}, typeof v === 'string' ? v : JSON.stringify(v))));
}

function verifyResult(result) {
  if (result.verified) {
    return h(
      'div',
      { class: 'ledger-result ok', role: 'status', dataset: { testid: 'ledger-verify-result', verified: 'true' } },
      h('strong', {}, t('ledger.verified')),
      ' ',
      t('ledger.verifiedDetail', { size: formatNumber(result.treeSize) }),
      result.signature === 'unsupported' ? h('p', { class: 'hint', dataset: { testid: 'ledger-no-ed25519' } }, t('ledger.signature.unsupported')) : null,
      h('p', { class: 'hint' }, t('ledger.leafHash'), ' ', h('code', { class: 'ledger-hash' }, result.leafHashHex)),
    );
  }
  return h(
    'div',
    { class: 'ledger-result failed', role: 'alert', dataset: { testid: 'ledger-verify-result', verified: 'false', reason: result.reason } },
    h('strong', {}, t('ledger.notVerified')),
    ' ',
    reasonText(result.reason),
  );
}

function entryItem(e) {
  const entry = e.entry || {};
  const resultSlot = h('div', { class: 'ledger-result-slot' });
  const button = h('button', { type: 'button', dataset: { testid: 'ledger-verify' } }, t('ledger.verify'));
  button.addEventListener('click', async () => {
    button.disabled = true;
    button.setAttribute('aria-busy', 'true');
    try {
      const result = await verifyEntry(e.index);
      replace(resultSlot, verifyResult(result));
      announce(result.verified ? t('ledger.verified') : t('ledger.notVerified'));
    } finally {
      button.disabled = false;
      button.removeAttribute('aria-busy');
    }
  });
  const typeLabel = has(`ledger.type.${entry.type}`) ? t(`ledger.type.${entry.type}`) : entry.type;
  return h(
    'li',
    { class: 'card ledger-entry', id: `ledger-entry-${e.index}`, dataset: { testid: 'ledger-entry', index: String(e.index), type: entry.type || '' } },
    h(
      'div',
      { class: 'ledger-entry-head' },
      h('span', { class: 'ledger-index' }, `#${e.index}`),
      ' ',
      h('span', { class: 'badge ledger-type' }, typeLabel),
      ' ',
      entry.at ? h('time', { class: 'meta', datetime: entry.at }, formatDate(entry.at)) : null,
    ),
    h('div', { class: 'ledger-fields' }, summary(entry)),
    h('div', { class: 'actions' }, button),
    resultSlot,
  );
}

export async function ledgerView({ query }) {
  const state = {
    type: query.get('type') || '',
    department: query.get('department') || '',
    state: query.get('state') || '',
    q: query.get('q') || '',
  };
  let facets = { types: [], departments: [], states: [] };
  try {
    facets = await api('GET', '/ledger/facets');
  } catch (err) {
    showError(err);
  }
  const select = (name, label, values, testid, all, nameOf = (v) => v) =>
    field({
      name,
      label,
      type: 'select',
      testid,
      options: [{ value: '', label: all }].concat(values.map((v) => ({ value: v, label: nameOf(v), selected: v === state[name] }))),
    });
  const type = select('type', t('ledger.filterType'), facets.types || [], 'ledger-filter-type', t('ledger.allTypes'), (v) =>
    has(`ledger.type.${v}`) ? t(`ledger.type.${v}`) : v,
  );
  const department = select('department', t('ledger.filterDepartment'), facets.departments || [], 'ledger-filter-department', t('ledger.allDepartments'));
  const stateFilter = select('state', t('ledger.filterState'), facets.states || [], 'ledger-filter-state', t('ledger.allStates'));
  const search = field({ name: 'q', label: t('ledger.search'), type: 'search', value: state.q, testid: 'ledger-search', autocomplete: 'off', maxlength: 200 });

  const list = h('ol', { class: 'plain-list ledger-list', dataset: { testid: 'ledger-entries' } });
  const more = h('button', { type: 'button', dataset: { testid: 'ledger-more' }, hidden: true }, t('ledger.more'));
  const empty = h('p', { class: 'empty', dataset: { testid: 'ledger-empty' }, hidden: true }, t('ledger.empty'));
  let next = null;

  async function load({ append = false, push = false } = {}) {
    const params = { type: state.type, department: state.department, state: state.state, q: state.q.trim() };
    if (push) {
      const target = `#/ledger${qs(params)}`;
      if (window.location.hash !== target) history.pushState(null, '', target);
    }
    list.setAttribute('aria-busy', 'true');
    try {
      const body = await api('GET', `/ledger/search${qs({ ...params, limit: LIMIT, before: append && next !== null ? next : '' })}`);
      const entries = body.entries || [];
      if (!append) replace(list);
      entries.forEach((e) => list.appendChild(entryItem(e)));
      next = typeof body.next === 'number' ? body.next : null;
      more.hidden = next === null;
      empty.hidden = list.children.length > 0;
    } catch (err) {
      showError(err);
    } finally {
      list.removeAttribute('aria-busy');
    }
  }

  const form = h(
    'form',
    { class: 'filters ledger-filters', role: 'search', 'aria-label': t('ledger.filters') },
    search.row,
    type.row,
    department.row,
    stateFilter.row,
    h('div', { class: 'actions' }, h('button', { type: 'submit', dataset: { testid: 'ledger-search-submit' } }, t('ledger.searchButton'))),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    state.q = search.input.value;
    load({ push: true }).then(() => announce(t('ledger.listUpdated')));
  });
  for (const [control, name] of [
    [type.input, 'type'],
    [department.input, 'department'],
    [stateFilter.input, 'state'],
  ]) {
    control.addEventListener('change', () => {
      state[name] = control.value;
      load({ push: true }).then(() => announce(t('ledger.listUpdated')));
    });
  }
  more.addEventListener('click', () => load({ append: true }));

  const checkpoint = checkpointCard();
  const supportNote = h('p', { class: 'hint', dataset: { testid: 'ledger-ed25519-support' } });
  ed25519Supported().then((ok) => replace(supportNote, ok ? t('ledger.ed25519Yes') : t('ledger.signature.unsupported')));
  await Promise.all([checkpoint.load(false), load()]);

  return h(
    'section',
    { class: 'ledger-page' },
    h('h1', {}, t('ledger.title')),
    h('p', { class: 'lead' }, t('ledger.lead')),
    checkpoint.card,
    supportNote,
    h(
      'p',
      { class: 'hint' },
      t('ledger.offline'),
      ' ',
      h('a', { href: 'api/v1/ledger/download', dataset: { testid: 'ledger-download' } }, t('ledger.download')),
      ' · ',
      h('a', { href: 'api/v1/ledger/key' }, t('ledger.key')),
    ),
    h('h2', {}, t('ledger.entriesTitle')),
    form,
    list,
    empty,
    h('div', { class: 'actions' }, more),
  );
}
