// Outcome reports (component reports): the public list, a report page (figures, charts drawn as
// inline SVG from the report's own tables, every table with its CSV/JSON download), and the
// community manager's draft → review → publish workspace. Labels of figures, tables, columns and
// charts come from i18n keys report.figure.<id> etc., falling back to the id.
import { h, replace } from '../dom.js';
import { t, has, formatDate, locale } from '../i18n.js';
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
  const lang = encodeURIComponent(locale());
  const rendered = await serverReport(`${apiBase(kind, s, version)}/fragment.html`);
  return h(
    'div',
    { class: 'report-page', dataset: { testid: 'report-page' } },
    rendered,
    h(
      'section',
      { class: 'report-downloads' },
      h('h2', {}, t('report.downloads')),
      h(
        'ul',
        {},
        h('li', {}, h('a', { href: `${base}/report.html?lang=${lang}`, dataset: { testid: 'report-html' } }, t('report.printable'))),
        h('li', {}, h('a', { href: `${base}/report.pdf?lang=${lang}`, dataset: { testid: 'report-pdf' } }, t('report.pdf'))),
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

/**
 * The report as the server renders it (the same XHTML the printable page and the PDF use, charts as
 * SVG): fetched as one <article> and parsed inertly (no scripts run), styled by report.css.
 */
async function serverReport(path) {
  if (!document.getElementById('report-css')) {
    document.head.appendChild(h('link', { id: 'report-css', rel: 'stylesheet', href: `${API}/reports/report.css` }));
  }
  const response = await fetch(`${API}${path}?lang=${encodeURIComponent(locale())}`, {
    credentials: 'same-origin',
    headers: { Accept: 'text/html' },
  });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const parsed = new DOMParser().parseFromString(await response.text(), 'text/html');
  const article = parsed.querySelector('article.report');
  return h('div', { class: 'report-server', dataset: { testid: 'report-rendered' } }, article ? document.importNode(article, true) : null);
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
    await serverReport(`/reports/drafts/${id}/fragment.html`),
  );
}
