// Outcome reports (component reports): the public list, a report page (figures, charts drawn as
// inline SVG from the report's own tables, every table with its CSV/JSON download), and the
// community manager's draft → review → publish workspace. Labels of figures, tables, columns and
// charts come from i18n keys report.figure.<id> etc., falling back to the id.
import { h, replace } from '../dom.js';
import { t, has, formatNumber, formatDate, locale } from '../i18n.js';
import { api } from '../api.js';
import { isManager } from '../session.js';
import { showError, clearMessages, announce, flash } from '../messages.js';
import { field, busy } from '../forms.js';
import { navigate } from '../router.js';

const KINDS = ['weekly', 'session', 'selection', 'scoreboard'];
const API = 'api/v1';

function label(kind, id) {
  return has(`report.${kind}.${id}`) ? t(`report.${kind}.${id}`) : id;
}

function reportPath(r) {
  return `/reports/${r.kind}/${encodeURIComponent(r.subject)}/${r.version}`;
}

function apiBase(kind, subject, version) {
  return `/reports/${kind}/${encodeURIComponent(subject)}/versions/${version}`;
}

export async function reportsView() {
  const items = await api('GET', '/reports?limit=200');
  const byKind = new Map(KINDS.map((k) => [k, []]));
  for (const r of items || []) (byKind.get(r.kind) || []).push(r);
  const sections = KINDS.filter((k) => byKind.get(k).length).map((k) =>
    h(
      'section',
      { dataset: { testid: `reports-${k}` } },
      h('h2', {}, label('kind', k)),
      h(
        'ul',
        { class: 'plain-list' },
        byKind.get(k).map((r) =>
          h(
            'li',
            { class: 'card', dataset: { testid: 'report-item' } },
            h('a', { href: `#${reportPath(r)}`, dataset: { testid: 'report-link' } }, r.title),
            ' ',
            h('span', { class: 'meta' }, [t('report.versionN', { n: r.version }), formatDate(r.publishedAt)].join(' · ')),
          ),
        ),
      ),
    ),
  );
  return h(
    'section',
    {},
    h('h1', {}, t('report.title')),
    h('p', { class: 'lead' }, t('report.lead')),
    h('p', {}, h('a', { href: `${API}/feeds/reports.atom`, type: 'application/atom+xml', dataset: { testid: 'reports-feed' } }, t('report.feed'))),
    isManager() ? h('p', {}, h('a', { href: '#/reports/manage', class: 'button-link', dataset: { testid: 'reports-manage' } }, t('report.manage'))) : null,
    sections.length ? sections : h('p', { class: 'empty', dataset: { testid: 'reports-empty' } }, t('report.empty')),
  );
}

export async function reportView({ params }) {
  const { kind, version } = params;
  const s = params.subject;
  const [report, versions] = await Promise.all([
    api('GET', apiBase(kind, s, version)),
    api('GET', `/reports/${kind}/${encodeURIComponent(s)}`),
  ]);
  const base = `${API}${apiBase(kind, s, version)}`;
  return h(
    'article',
    { class: 'report', dataset: { testid: 'report-page' } },
    h('h1', { dataset: { testid: 'report-title' } }, report.title),
    h(
      'p',
      { class: 'meta' },
      [label('kind', report.kind), t('report.versionN', { n: report.version }), t('report.publishedAt', { at: formatDate(report.publishedAt) })].join(' · '),
    ),
    document_(report.document),
    h(
      'section',
      { class: 'report-downloads' },
      h('h2', {}, t('report.downloads')),
      h(
        'ul',
        {},
        h('li', {}, h('a', { href: `${base}/bundle.zip`, dataset: { testid: 'report-bundle' } }, t('report.bundle'))),
        h('li', {}, h('a', { href: `${base}/document.json`, dataset: { testid: 'report-json' } }, t('report.documentJson'))),
      ),
      h('p', { class: 'meta' }, t('report.sha256'), ' ', h('code', { dataset: { testid: 'report-sha256' } }, report.sha256)),
      report.ledgerIndex !== undefined ? h('p', { class: 'meta' }, h('a', { href: '#/ledger' }, t('report.ledgerEntry', { n: report.ledgerIndex }))) : null,
    ),
    versions && versions.length > 1
      ? h(
          'section',
          {},
          h('h2', {}, t('report.versions')),
          h(
            'ol',
            { dataset: { testid: 'report-versions' } },
            versions.map((v) =>
              h('li', {}, h('a', { href: `#${reportPath(v)}`, 'aria-current': v.version === report.version ? 'page' : null }, t('report.versionN', { n: v.version })), v.changeNote ? ` — ${v.changeNote}` : ''),
            ),
          ),
        )
      : null,
    tableDownloads(report.document, base),
  );
}

function tableDownloads(doc, base) {
  return h(
    'section',
    {},
    h('h2', {}, t('report.openData')),
    h(
      'ul',
      {},
      doc.tables.map((tb) =>
        h(
          'li',
          {},
          label('table', tb.id),
          ': ',
          h('a', { href: `${base}/tables/${tb.id}.csv`, dataset: { testid: `table-csv-${tb.id}` } }, 'CSV'),
          ' · ',
          h('a', { href: `${base}/tables/${tb.id}.json` }, 'JSON'),
        ),
      ),
    ),
  );
}

/** The document: summary, change note, headline figures, charts and tables. */
function document_(doc) {
  return h(
    'div',
    { class: 'report-document' },
    doc.summary ? h('div', { class: 'report-summary', dataset: { testid: 'report-summary' } }, doc.summary.split(/\n{2,}/).map((p) => h('p', {}, p))) : null,
    doc.changeNote ? h('p', { class: 'meta', dataset: { testid: 'report-change-note' } }, t('report.changeNoteShown', { note: doc.changeNote })) : null,
    h(
      'dl',
      { class: 'facts report-figures', dataset: { testid: 'report-figures' } },
      doc.figures.map((f) => [h('dt', {}, label('figure', f.id)), h('dd', { dataset: { testid: `figure-${f.id}` } }, value(f.value, f.type))]),
    ),
    doc.charts.map((c) => chart(c, doc)),
    doc.tables.map((tb) => table(tb)),
  );
}

function value(v, type) {
  if (v === null || v === undefined) return h('span', { title: t('report.notShown') }, '—');
  switch (type) {
    case 'integer':
      return formatNumber(v);
    case 'percent':
      return new Intl.NumberFormat(locale(), { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(v);
    case 'decimal':
      return String(v);
    case 'link':
      return /^(#\/|\/|https?:)/.test(v) ? h('a', { href: v.startsWith('/api/') ? v.slice(1) : v }, t('report.open')) : String(v);
    default:
      return String(v);
  }
}

function table(tb) {
  const caption = label('table', tb.id);
  return h(
    'section',
    { class: 'report-table' },
    h('h2', {}, caption),
    tb.rows.length
      ? h(
          'div',
          { class: 'table-scroll' },
          h(
            'table',
            { class: 'rounds report-data', dataset: { testid: `report-table-${tb.id}` } },
            h('caption', { class: 'visually-hidden' }, caption),
            h('thead', {}, h('tr', {}, tb.columns.map((c) => h('th', { scope: 'col' }, label('column', c.id))))),
            h('tbody', {}, tb.rows.map((r) => h('tr', {}, r.map((v, i) => h('td', {}, value(v, tb.columns[i].type)))))),
          ),
        )
      : h('p', { class: 'empty' }, t('report.noRows')),
  );
}

/** A horizontal bar chart as inline SVG: one group per row, one bar per value column. */
function chart(c, doc) {
  const tb = doc.tables.find((x) => x.id === c.tableId || x.id === c.table);
  if (!tb || !tb.rows.length) return null;
  const li = tb.columns.findIndex((x) => x.id === c.labelColumn);
  const series = c.valueColumns.map((id) => ({ id, i: tb.columns.findIndex((x) => x.id === id), type: (tb.columns.find((x) => x.id === id) || {}).type }));
  const rows = tb.rows.slice(0, 30);
  const max = Math.max(1e-9, ...rows.flatMap((r) => series.map((s) => Number(r[s.i]) || 0)));
  const NS = 'http://www.w3.org/2000/svg';
  const bar = 14;
  const group = series.length * bar + 10;
  const left = 170;
  const width = 640;
  const height = rows.length * group + 30;
  const svg = document.createElementNS(NS, 'svg');
  const title = label('chart', c.id);
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', title);
  svg.dataset.testid = 'report-chart';
  const el = (tag, attrs, text) => {
    const e = document.createElementNS(NS, tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
    if (text !== undefined) e.textContent = text;
    svg.appendChild(e);
    return e;
  };
  el('title', {}, title);
  const colours = ['#2563eb', '#f59e0b', '#10b981'];
  rows.forEach((r, ri) => {
    const y = 10 + ri * group;
    const name = String(r[li] ?? '');
    el('text', { x: left - 6, y: y + group / 2, 'text-anchor': 'end', 'font-size': 12, 'dominant-baseline': 'middle' }, name.length > 26 ? `${name.slice(0, 25)}…` : name);
    series.forEach((s, si) => {
      const v = Number(r[s.i]) || 0;
      const w = Math.max(0, ((width - left - 70) * v) / max);
      el('rect', { x: left, y: y + si * bar, width: w, height: bar - 2, fill: colours[si % colours.length] });
      const shown = r[s.i] === null ? '—' : s.type === 'percent' ? `${(v * 100).toFixed(1)}%` : String(r[s.i]);
      el('text', { x: left + w + 4, y: y + si * bar + bar / 2, 'font-size': 11, 'dominant-baseline': 'middle' }, shown);
    });
  });
  return h(
    'figure',
    { class: 'chart' },
    svg,
    h('figcaption', {}, title, series.length > 1 ? ` (${series.map((s) => label('column', s.id)).join(', ')})` : ''),
  );
}

// ---- community managers ----

export async function reportsManageView() {
  const drafts = await api('GET', '/reports/drafts');
  const kind = field({
    name: 'kind',
    label: t('report.kindLabel'),
    type: 'select',
    required: true,
    testid: 'draft-kind',
    options: KINDS.map((k) => ({ value: k, label: label('kind', k) })),
  });
  const subject = field({ name: 'subject', label: t('report.subjectLabel'), required: true, maxlength: 40, hint: t('report.subjectHint'), testid: 'draft-subject' });
  const form = h(
    'form',
    { class: 'form card', novalidate: true },
    h('h2', {}, t('report.newDraft')),
    kind.row,
    subject.row,
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', dataset: { testid: 'draft-create' } }, t('report.generate'))),
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearMessages(form);
    await busy(form, async () => {
      try {
        const d = await api('POST', '/reports/drafts', { kind: kind.input.value, subject: subject.input.value.trim() });
        navigate(`/reports/drafts/${d.id}`);
      } catch (err) {
        if (err.problem && err.problem.draft) {
          flash(t('report.draftExists'));
          navigate(`/reports/drafts/${err.problem.draft}`);
          return;
        }
        showError(err, form);
      }
    });
  });
  return h(
    'section',
    {},
    h('h1', {}, t('report.manageTitle')),
    h('p', { class: 'lead' }, t('report.manageLead')),
    form,
    h('h2', {}, t('report.drafts')),
    drafts.length
      ? h(
          'ul',
          { class: 'plain-list', dataset: { testid: 'draft-list' } },
          drafts.map((d) =>
            h(
              'li',
              { class: 'card' },
              h('a', { href: `#/reports/drafts/${d.id}`, dataset: { testid: 'draft-link' } }, d.title),
              ' ',
              h('span', { class: 'meta' }, [label('kind', d.kind), d.subject, t('report.versionN', { n: d.version })].join(' · ')),
            ),
          ),
        )
      : h('p', { class: 'empty' }, t('report.noDrafts')),
  );
}

export async function reportDraftView({ params }) {
  const { id } = params;
  const d = await api('GET', `/reports/drafts/${id}`);
  const title = field({ name: 'title', label: t('report.titleLabel'), required: true, maxlength: 200, value: d.title, testid: 'draft-title' });
  const summary = field({ name: 'summary', label: t('report.summaryLabel'), type: 'textarea', rows: 6, maxlength: 8000, hint: t('report.summaryHint'), testid: 'draft-summary' });
  summary.input.value = d.summary || '';
  const note = field({
    name: 'changeNote',
    label: t('report.changeNoteLabel'),
    type: 'textarea',
    rows: 2,
    maxlength: 2000,
    required: d.version > 1,
    hint: d.version > 1 ? t('report.changeNoteHint') : t('report.changeNoteFirst'),
    testid: 'draft-change-note',
  });
  note.input.value = d.changeNote || '';
  const form = h(
    'form',
    { class: 'form card', novalidate: true },
    title.row,
    summary.row,
    note.row,
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'submit', name: 'action', value: 'save', dataset: { testid: 'draft-save' } }, t('report.save')),
      h('button', { type: 'submit', name: 'action', value: 'regenerate', dataset: { testid: 'draft-regenerate' } }, t('report.regenerate')),
      h('button', { type: 'submit', name: 'action', value: 'publish', class: 'primary', dataset: { testid: 'draft-publish' } }, t('report.publish')),
      h('button', { type: 'submit', name: 'action', value: 'discard', class: 'danger', dataset: { testid: 'draft-discard' } }, t('report.discard')),
    ),
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearMessages(form);
    const action = e.submitter && e.submitter.value ? e.submitter.value : 'save';
    await busy(form, async () => {
      try {
        if (action === 'discard') {
          await api('DELETE', `/reports/drafts/${id}`);
          flash(t('report.discarded'));
          navigate('/reports/manage');
          return;
        }
        await api('PATCH', `/reports/drafts/${id}`, {
          title: title.input.value.trim(),
          summary: summary.input.value,
          changeNote: note.input.value.trim() || null,
        });
        if (action === 'regenerate') {
          await api('POST', `/reports/drafts/${id}/regenerate`);
          flash(t('report.regenerated'));
          navigate(`/reports/drafts/${id}`);
        } else if (action === 'publish') {
          const p = await api('POST', `/reports/drafts/${id}/publish`, {});
          flash(t('report.published'));
          navigate(reportPath(p));
        } else {
          announce(t('report.saved'));
          flash(t('report.saved'));
          navigate(`/reports/drafts/${id}`);
        }
      } catch (err) {
        showError(err, form);
      }
    });
  });
  return h(
    'section',
    { dataset: { testid: 'draft-page' } },
    h('h1', {}, t('report.reviewTitle', { title: d.title })),
    h('p', { class: 'meta' }, [label('kind', d.kind), d.subject, t('report.versionN', { n: d.version }), t('report.generatedAt', { at: formatDate(d.generatedAt) })].join(' · ')),
    form,
    h('h2', {}, t('report.preview')),
    document_(d.document),
  );
}
