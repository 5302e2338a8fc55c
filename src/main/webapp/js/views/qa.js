// Q&A sessions (component qa): the public session page with its live state over server-sent
// events, inquiries with their answers and history, the delegate workspace, the department inbox,
// the manager's triage queue and the public department timeliness.
import { h, replace } from '../dom.js';
import { t, formatDate, formatNumber } from '../i18n.js';
import { api, query, ApiError } from '../api.js';
import { showError, clearMessages, announce, flash } from '../messages.js';
import { field, busy, submitButton } from '../forms.js';
import { hasRole, isManager, session } from '../session.js';
import { navigate, render } from '../router.js';
import { peoplePicker } from './people.js';

const OUTCOMES = ['accepted', 'partly', 'declined', 'not_our_remit'];
const SATISFACTION = ['satisfied', 'partly', 'not_satisfied'];
const REASONS = ['not_within_remit', 'too_many_questions', 'too_long', 'repeat_of_answered', 'personal_case', 'offensive', 'unclear'];

// One live connection at a time: leaving the session page closes it.
let liveSource = null;
window.addEventListener('hashchange', () => {
  if (liveSource && !window.location.hash.startsWith('#/qa/sessions/')) closeLive();
});

function closeLive() {
  if (liveSource) liveSource.close();
  liveSource = null;
}

function stateBadge(state, testid = 'inquiry-state') {
  return h('span', { class: `badge qa-state qa-${state}`, dataset: { testid, state } }, t(`qa.state.${state}`));
}

function latenessBadge(lateness) {
  if (!lateness || lateness === 'not_due') return null;
  return h('span', { class: `badge qa-${lateness}`, dataset: { testid: 'inquiry-lateness', lateness } }, t(`qa.lateness.${lateness}`));
}

function inquiryLink(i) {
  return `#/qa/inquiries/${encodeURIComponent(i.id)}`;
}

function summaryItem(i, extra) {
  return h(
    'li',
    { class: 'card qa-item', dataset: { testid: 'inquiry-item', inquiryId: i.id } },
    h('h2', { class: 'qa-heading' }, h('a', { href: inquiryLink(i), dataset: { testid: 'inquiry-link' } }, i.heading)),
    h(
      'p',
      { class: 'meta' },
      i.reference ? h('span', { class: 'reference' }, i.reference) : t('qa.draft'),
      ' ',
      stateBadge(i.state),
      ' ',
      latenessBadge(i.lateness),
      i.department ? ` · ${i.department.name}` : null,
      i.dueDate ? ` · ${t('qa.due', { date: i.dueDate })}` : null,
      i.priorityDate ? ` · ${t('qa.priority', { date: i.priorityDate })}` : null,
      i.transferTo ? ` · ${t('qa.transferPending', { name: i.transferTo.name })}` : null,
      i.draftAwaitingApproval ? [' · ', h('span', { class: 'badge', dataset: { testid: 'draft-awaiting' } }, t('qa.draftAwaiting'))] : null,
    ),
    extra || null,
  );
}

function list(items, testid, empty) {
  return items.length
    ? h('ol', { class: 'plain-list qa-list', dataset: { testid } }, items.map((i) => summaryItem(i)))
    : h('p', { class: 'empty', dataset: { testid: `${testid}-empty` } }, empty);
}

/** A small form that posts and then re-renders. fields: [{name,label,type,options,...}] */
function actionForm({ title, fields = [], button, testid, send, done }) {
  const made = fields.map((f) => (f.make ? f.make() : field(f)));
  const form = h(
    'form',
    { class: 'form qa-action', novalidate: true, dataset: { testid: `${testid}-form` } },
    title ? h('h3', {}, title) : null,
    made.map((m) => m.row),
    h('div', { class: 'actions' }, submitButton(button, testid)),
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearMessages(form);
    const values = {};
    made.forEach((m) => {
      values[m.input.name] = m.input.value.trim();
    });
    await busy(form, async () => {
      try {
        await send(values);
        if (done) done();
      } catch (err) {
        showError(err, form);
      }
    });
  });
  return form;
}

function options(values, prefix) {
  return values.map((v) => ({ value: v, label: t(`${prefix}.${v}`) }));
}

/** After an action: show the page again with the news announced. */
function rerender(message) {
  return async () => {
    if (message) flash(message);
    await render({ keepFocus: true });
  };
}

// --- attachments (qa) -----------------------------------------------------------------------

function ids(value) {
  return value ? value.split(/[\s,]+/).filter(Boolean).map(Number) : [];
}

function sizeText(bytes) {
  return bytes >= 1048576 ? `${formatNumber(Math.round(bytes / 104857.6) / 10)} MB` : bytes >= 1024 ? `${formatNumber(Math.round(bytes / 1024))} KB` : `${formatNumber(bytes)} B`;
}

function attachmentsBlock(i, mine) {
  const items = i.attachments || [];
  const draft = mine && i.state === 'draft';
  if (!items.length && !draft) return null;
  return h(
    'section',
    { class: 'qa-attachments', dataset: { testid: 'attachments' } },
    h('h2', {}, t('qa.attachments.title')),
    items.length
      ? h('ul', { class: 'plain-list' }, items.map((a) =>
          h('li', { dataset: { testid: 'attachment', attachmentId: a.id } },
            h('a', { href: `api/v1/qa/inquiries/${i.id}/attachments/${a.id}`, download: a.fileName }, a.fileName),
            ` · ${a.contentType} · ${sizeText(a.size)} `,
            h('span', { class: 'hint' }, 'SHA-256 ', h('code', { dataset: { testid: 'attachment-sha256' } }, a.sha256)),
            draft ? [' ', h('button', { type: 'button', class: 'link', dataset: { testid: 'attachment-remove' }, onclick: async () => {
              try { await api('DELETE', `/qa/inquiries/${i.id}/attachments/${a.id}`); rerender(t('qa.saved'))(); } catch (err) { showError(err); }
            } }, t('qa.attachments.remove'))] : null)))
      : h('p', { class: 'empty' }, t('qa.attachments.none')),
    draft ? uploadForm(i) : null,
  );
}

function uploadForm(i) {
  const file = field({ name: 'file', label: t('qa.attachments.file'), type: 'file', hint: t('qa.attachments.hint'), accept: 'application/pdf,image/png,image/jpeg,text/plain,.pdf,.png,.jpg,.jpeg,.txt', required: true, testid: 'attachment-file' });
  const form = h('form', { class: 'form qa-action', novalidate: true, dataset: { testid: 'attachment-form' } }, file.row, h('div', { class: 'actions' }, submitButton(t('qa.attachments.upload'), 'attachment-upload')));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearMessages(form);
    const chosen = file.input.files && file.input.files[0];
    if (!chosen) return;
    await busy(form, async () => {
      try {
        const body = new FormData();
        body.append('file', chosen, chosen.name);
        const headers = { Accept: 'application/json, application/problem+json' };
        if (session.csrfToken) headers['X-CSRF-Token'] = session.csrfToken;
        const response = await fetch(`api/v1/qa/inquiries/${i.id}/attachments`, { method: 'POST', headers, credentials: 'same-origin', body });
        if (!response.ok) {
          let problem = {};
          try { problem = await response.json(); } catch (err) { problem = {}; }
          throw new ApiError(response.status, problem);
        }
        await rerender(t('qa.attachments.uploaded'))();
      } catch (err) {
        showError(err, form);
      }
    });
  });
  return form;
}

// --- departments, managed in the portal (qa) -------------------------------------------------

function departmentForm(d) {
  return actionForm({
    title: d ? t('qa.departments.edit', { name: d.name }) : t('qa.departments.new'),
    fields: [
      d ? null : { name: 'name', label: t('qa.departments.name'), required: true, maxlength: 120, testid: 'department-name' },
      { make: () => peoplePicker({ name: 'lead', label: t('qa.departments.lead'), role: 'member', single: true, testid: d ? `department-${d.id}-lead` : 'department-lead', chosen: d && d.lead ? [d.lead] : [] }) },
      { make: () => peoplePicker({ name: 'responders', label: t('qa.departments.responders'), hint: t('qa.departments.respondersHint'), role: 'responder', testid: d ? `department-${d.id}-responders` : 'department-responders', chosen: d ? d.responders : [] }) },
      { make: () => {
        const made = field({ name: 'holidays', label: t('qa.departments.holidays'), hint: t('qa.departments.holidaysHint'), type: 'textarea', rows: 2, testid: d ? `department-${d.id}-holidays` : 'department-holidays' });
        made.input.value = d ? d.holidays.join(' ') : '';
        return made;
      } },
    ].filter(Boolean),
    button: d ? t('qa.departments.save') : t('qa.departments.create'),
    testid: d ? `department-${d.id}-save` : 'department-create',
    send: (v) => {
      const lead = ids(v.lead)[0];
      if (!lead) throw new ApiError(400, { type: 'invalid-input', title: t('qa.departments.leadRequired') });
      const body = { name: d ? d.name : v.name, lead, responders: ids(v.responders), holidays: v.holidays.split(/[\s,]+/).filter(Boolean) };
      return d ? api('PUT', `/qa/departments/${d.id}`, body) : api('POST', '/qa/departments', body);
    },
    done: rerender(t('qa.saved')),
  });
}

function departmentsAdmin(departments) {
  return h(
    'section',
    { class: 'qa-departments', dataset: { testid: 'departments-admin' } },
    h('h2', {}, t('qa.departments.title')),
    h('ul', { class: 'plain-list' }, departments.map((d) =>
      h('li', { class: 'card', dataset: { testid: 'department-item', departmentId: d.id } },
        h('h3', {}, d.name),
        h('p', { class: 'meta' }, t('qa.departments.lead'), ': ', d.lead ? d.lead.name : '—', ' · ', t('qa.departments.responders'), ': ', d.responders.map((r) => r.name).join(', ') || '—'),
        h('details', {}, h('summary', {}, t('qa.departments.change')), departmentForm(d))))),
    h('details', { class: 'card' }, h('summary', { dataset: { testid: 'department-new' } }, t('qa.departments.new')), departmentForm(null)),
  );
}

// --- "verified in ledger" --------------------------------------------------------------------

let verifier;
async function ledgerVerifier() {
  if (verifier === undefined) {
    try {
      verifier = await import('../ledger-verify.js');
    } catch (e) {
      verifier = null;
    }
  }
  return verifier;
}

/**
 * Shows the ledger index, then checks the entry's inclusion proof against the signed checkpoint
 * (js/ledger-verify.js). For an answer, the text shown must also be the text in the ledger entry.
 */
function ledgerBadge(index, text) {
  if (index === null || index === undefined) return null;
  const badge = h('span', { class: 'badge ledger-badge', dataset: { testid: 'ledger-status', state: 'checking', index } }, t('qa.ledger.checking', { index }));
  (async () => {
    const module = await ledgerVerifier();
    if (!module || typeof module.verifyEntry !== 'function') {
      badge.dataset.state = 'unavailable';
      replace(badge, t('qa.ledger.recorded', { index }));
      return;
    }
    let result = await module.verifyEntry(index);
    if (result.reason === 'not-yet-in-checkpoint' && typeof module.currentCheckpoint === 'function') {
      await module.currentCheckpoint({ fresh: true });
      result = await module.verifyEntry(index);
    }
    let ok = result.verified === true;
    if (ok && text !== undefined && result.entry && typeof result.entry.text === 'string') {
      ok = result.entry.text === text;
    }
    badge.dataset.state = ok ? 'verified' : 'failed';
    if (result.reason) badge.dataset.reason = result.reason;
    badge.classList.add(ok ? 'ledger-ok' : 'ledger-failed');
    replace(badge, h('a', { href: '#/ledger' }, ok ? t('qa.ledger.verified', { index }) : t('qa.ledger.failed', { index })));
  })();
  return badge;
}

function answerBlock(a) {
  return h(
    'article',
    { class: `card qa-answer qa-answer-${a.kind}`, dataset: { testid: 'answer', kind: a.kind, answerId: a.id } },
    h(
      'p',
      { class: 'meta' },
      h('strong', {}, t(`qa.answerKind.${a.kind}`)),
      a.outcome ? [' · ', h('span', { dataset: { testid: 'answer-outcome' } }, t(`qa.outcome.${a.outcome}`))] : null,
      a.department ? ` · ${a.department.name}` : null,
      a.publishedAt ? ` · ${formatDate(a.publishedAt)}` : null,
      ' ',
      ledgerBadge(a.ledgerIndex, a.text),
    ),
    h('p', { class: 'qa-text', dataset: { testid: 'answer-text' } }, a.text),
  );
}

// --- public: sessions and the live page ----------------------------------------------------

export async function qaHomeView() {
  const sessions = await api('GET', '/qa/sessions');
  return h(
    'section',
    {},
    h('div', { class: 'page-head' }, h('h1', {}, t('qa.title')), h('a', { href: '#/qa/timeliness', dataset: { testid: 'timeliness-link' } }, t('qa.timeliness.title'))),
    h('p', { class: 'lead' }, t('qa.lead')),
    isManager() ? newSessionForm() : null,
    sessions.length
      ? h(
          'ol',
          { class: 'plain-list', dataset: { testid: 'session-list' } },
          sessions.map((s) =>
            h(
              'li',
              { class: 'card', dataset: { testid: 'session-item', sessionId: s.id } },
              h('h2', {}, h('a', { href: `#/qa/sessions/${s.id}` }, s.title)),
              h('p', { class: 'meta' }, s.date, ' · ', t(`qa.live.${s.liveState}`), s.filingOpen ? ` · ${t('qa.filingOpen')}` : ''),
            ),
          ),
        )
      : h('p', { class: 'empty' }, t('qa.noSessions')),
  );
}

function newSessionForm() {
  const now = new Date();
  const later = new Date(now.getTime() + 14 * 86400000);
  return h(
    'details',
    { class: 'card' },
    h('summary', {}, t('qa.session.new')),
    actionForm({
      fields: [
        { name: 'title', label: t('qa.session.title'), required: true, maxlength: 200, testid: 'session-title' },
        { name: 'date', label: t('qa.session.date'), type: 'date', required: true, value: later.toISOString().slice(0, 10), testid: 'session-date' },
        { make: () => peoplePicker({ name: 'delegates', label: t('qa.session.delegates'), hint: t('qa.session.delegatesHint'), role: 'delegate', testid: 'session-delegates' }) },
        { name: 'releaseMode', label: t('qa.session.releaseMode'), type: 'select', options: options(['held', 'at_once'], 'qa.release'), testid: 'session-release' },
      ],
      button: t('qa.session.create'),
      testid: 'session-create',
      send: async (v) => {
        const created = await api('POST', '/qa/sessions', {
          title: v.title,
          date: v.date,
          filingOpens: now.toISOString(),
          filingCloses: new Date(`${v.date}T00:00:00Z`).toISOString(),
          releaseMode: v.releaseMode,
          delegates: ids(v.delegates),
        });
        navigate(`/qa/sessions/${created.id}`);
      },
    }),
  );
}

export async function qaSessionView({ params }) {
  closeLive();
  const id = params.id;
  const s = await api('GET', `/qa/sessions/${encodeURIComponent(id)}`);
  const livePanel = h('section', { class: 'card qa-live', 'aria-live': 'polite', dataset: { testid: 'live-panel' } });
  const agendaList = h('ol', { class: 'plain-list qa-list', dataset: { testid: 'agenda' } });
  const showLive = (view) => {
    livePanel.dataset.liveState = view.liveState;
    replace(
      livePanel,
      h('h2', {}, t('qa.live.heading'), ' ', h('span', { class: 'badge', dataset: { testid: 'live-state' } }, t(`qa.live.${view.liveState}`))),
      view.current
        ? h(
            'div',
            { dataset: { testid: 'live-current', inquiryId: view.current.inquiryId } },
            h('h3', {}, h('a', { href: inquiryLink({ id: view.current.inquiryId }) }, view.current.heading)),
            h('p', { class: 'meta' }, view.current.reference, ' ', stateBadge(view.current.state, 'live-current-state'), view.current.department ? ` · ${view.current.department.name}` : ''),
            view.current.answers.map(answerBlock),
          )
        : h('p', { class: 'hint' }, t('qa.live.nothing')),
    );
    replace(
      agendaList,
      view.agenda.map((i) => summaryItem(i, isManager() ? liveControls(id, i) : null)),
    );
  };
  showLive(await api('GET', `/qa/sessions/${encodeURIComponent(id)}/live/state`));
  if (typeof EventSource === 'function') {
    liveSource = new EventSource(`api/v1/qa/sessions/${encodeURIComponent(id)}/live`);
    liveSource.addEventListener('state', (e) => {
      try {
        showLive(JSON.parse(e.data));
        livePanel.dataset.pushed = 'true';
      } catch (err) {
        // A malformed event is skipped; the next one repaints.
      }
    });
  }
  return h(
    'section',
    { dataset: { testid: 'session-page', sessionId: s.id } },
    h('h1', {}, s.title),
    h(
      'p',
      { class: 'meta' },
      s.date,
      ' · ',
      t(`qa.release.${s.releaseMode}`),
      s.videoUrl ? [' · ', h('a', { href: s.videoUrl, rel: 'noopener' }, t('qa.session.video'))] : null,
      s.transcriptUrl ? [' · ', h('a', { href: s.transcriptUrl, rel: 'noopener' }, t('qa.session.transcript'))] : null,
    ),
    isManager() ? sessionControls(s) : null,
    livePanel,
    h('h2', {}, t('qa.agenda')),
    agendaList,
    s.minutes ? [h('h2', {}, t('qa.session.minutes')), h('p', { class: 'qa-text' }, s.minutes)] : null,
  );
}

async function live(sessionId, action, inquiry) {
  try {
    await api('POST', `/qa/sessions/${sessionId}/live`, inquiry ? { action, inquiry } : { action });
  } catch (err) {
    showError(err);
  }
}

function sessionControls(s) {
  return h(
    'div',
    { class: 'card qa-controls', dataset: { testid: 'live-controls' } },
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'button', dataset: { testid: 'live-start' }, onclick: () => live(s.id, 'start') }, t('qa.live.start')),
      h('button', { type: 'button', dataset: { testid: 'live-end' }, onclick: () => live(s.id, 'end') }, t('qa.live.end')),
    ),
    actionForm({
      title: t('qa.session.record'),
      fields: [
        { name: 'videoUrl', label: t('qa.session.video'), type: 'url', maxlength: 500, value: s.videoUrl || '' },
        { name: 'transcriptUrl', label: t('qa.session.transcript'), type: 'url', maxlength: 500, value: s.transcriptUrl || '' },
        { name: 'minutes', label: t('qa.session.minutes'), type: 'textarea', rows: 3, maxlength: 8000, value: s.minutes || '' },
      ],
      button: t('qa.session.save'),
      testid: 'session-record',
      send: (v) => api('PATCH', `/qa/sessions/${s.id}`, v),
      done: rerender(t('qa.saved')),
    }),
    actionForm({
      fields: [{ name: 'inquiries', label: t('qa.agenda.order'), hint: t('qa.agenda.orderHint'), required: true, value: s.agenda.map((i) => i.id).join(', '), testid: 'agenda-input' }],
      button: t('qa.agenda.save'),
      testid: 'agenda-save',
      send: (v) => api('PUT', `/qa/sessions/${s.id}/agenda`, { inquiries: v.inquiries.split(/[\s,]+/).filter(Boolean).map(Number) }),
      done: rerender(t('qa.agenda.saved')),
    }),
  );
}

function liveControls(sessionId, i) {
  return h(
    'div',
    { class: 'actions' },
    h('button', { type: 'button', dataset: { testid: 'live-show' }, onclick: () => live(sessionId, 'show', i.id) }, t('qa.live.show')),
    h('button', { type: 'button', dataset: { testid: 'live-discussed' }, onclick: () => live(sessionId, 'discussed', i.id) }, t('qa.live.discussed')),
    h('button', { type: 'button', dataset: { testid: 'live-release' }, onclick: () => live(sessionId, 'release', i.id) }, t('qa.live.release')),
  );
}

// --- one inquiry -------------------------------------------------------------------------------

export async function qaInquiryView({ params }) {
  const i = await api('GET', `/qa/inquiries/${encodeURIComponent(params.id)}`);
  const me = session.member;
  const mine = me && i.author && i.author.id === me.id;
  const [myDepartments] = await Promise.all([me ? api('GET', '/qa/departments/mine').catch(() => []) : []]);
  const mineIds = new Set(myDepartments.map((d) => d.id));
  const responsible = i.department && mineIds.has(i.department.id);
  const receiving = i.transferTo && mineIds.has(i.transferTo.id);
  const lead = responsible && myDepartments.some((d) => d.id === i.department.id && d.lead && d.lead.id === me.id);
  return h(
    'section',
    { dataset: { testid: 'inquiry-detail', inquiryId: i.id } },
    h('p', { class: 'meta' }, h('a', { href: `#/qa/sessions/${i.session.id}` }, i.session.name)),
    h('h1', { dataset: { testid: 'inquiry-heading' } }, i.heading),
    h(
      'p',
      { class: 'meta' },
      h('span', { dataset: { testid: 'inquiry-reference' } }, i.reference || t('qa.draft')),
      ' ',
      stateBadge(i.state),
      ' ',
      latenessBadge(i.lateness),
      ` · ${t(`qa.kind.${i.kind}`)} · ${i.author.name}`,
      i.department ? [' · ', h('span', { dataset: { testid: 'inquiry-department' } }, i.department.name)] : null,
      i.dueDate ? ` · ${t('qa.due', { date: i.dueDate })}` : null,
      i.priorityDate ? ` · ${t('qa.priority', { date: i.priorityDate })}` : null,
      i.transferTo ? ` · ${t('qa.transferPending', { name: i.transferTo.name })}` : null,
      i.reasonCode ? ` · ${t(`qa.reason.${i.reasonCode}`)}` : null,
      i.satisfaction ? [' · ', h('span', { dataset: { testid: 'inquiry-satisfaction' } }, t(`qa.satisfaction.${i.satisfaction}`))] : null,
    ),
    h('p', { class: 'qa-text' }, i.text),
    h('p', { class: 'hint' }, t('qa.interest'), ': ', i.interest),
    i.cosigners.length ? h('p', { class: 'hint' }, t('qa.cosigners'), ': ', i.cosigners.map((c) => c.name).join(', ')) : null,
    i.links.length ? h('ul', {}, i.links.map((l) => h('li', {}, h('a', { href: l, rel: 'noopener nofollow' }, l)))) : null,
    attachmentsBlock(i, mine),
    h('h2', {}, t('qa.answers')),
    i.answers.length ? h('div', { dataset: { testid: 'answers' } }, i.answers.map(answerBlock)) : h('p', { class: 'empty' }, t('qa.noAnswer')),
    mine ? delegateActions(i) : null,
    responsible || receiving ? departmentActions(i, { responsible, receiving, lead }) : null,
    isManager() ? managerActions(i) : null,
    h('h2', {}, t('qa.history')),
    h(
      'ol',
      { class: 'plain-list qa-history', dataset: { testid: 'inquiry-history' } },
      i.history.map((e) =>
        h('li', { dataset: { testid: 'history-entry', type: e.type } }, formatDate(e.at), ' · ', t(`qa.event.${e.type}`), e.detail ? ` — ${e.detail}` : '', ' ', ledgerBadge(e.ledgerIndex)),
      ),
    ),
  );
}

function delegateActions(i) {
  const forms = [];
  if (i.state === 'draft') {
    forms.push(h('button', { type: 'button', class: 'primary', dataset: { testid: 'inquiry-submit-draft' }, onclick: async () => {
      try { await api('POST', `/qa/inquiries/${i.id}/submission`); rerender(t('qa.submitted'))(); } catch (err) { showError(err); }
    } }, t('qa.submit')));
  }
  if (i.state === 'clarification_requested') {
    forms.push(actionForm({ title: t('qa.clarify'), fields: [{ name: 'text', label: t('qa.clarification'), type: 'textarea', required: true, rows: 3, testid: 'clarify-text' }], button: t('qa.clarify'), testid: 'clarify-submit',
      send: (v) => api('POST', `/qa/inquiries/${i.id}/clarification`, { text: v.text }), done: rerender(t('qa.saved')) }));
  }
  if (i.state === 'published') {
    forms.push(actionForm({ title: t('qa.classify'), fields: [{ name: 'satisfaction', label: t('qa.classifyLabel'), type: 'select', options: options(SATISFACTION, 'qa.satisfaction'), testid: 'classify-select' }], button: t('qa.classify'), testid: 'classify-submit',
      send: (v) => api('POST', `/qa/inquiries/${i.id}/classification`, { satisfaction: v.satisfaction }), done: rerender(t('qa.classified')) }));
    forms.push(actionForm({ title: t('qa.revision'), fields: [{ name: 'reason', label: t('qa.reasonLabel'), type: 'textarea', required: true, rows: 2, testid: 'revision-reason' }], button: t('qa.revision'), testid: 'revision-submit',
      send: (v) => api('POST', `/qa/inquiries/${i.id}/revision-request`, { reason: v.reason }), done: rerender(t('qa.saved')) }));
  }
  if (['draft', 'submitted', 'clarification_requested', 'triaged', 'assigned'].includes(i.state)) {
    forms.push(actionForm({ title: t('qa.withdraw'), fields: [{ name: 'reason', label: t('qa.reasonLabel'), testid: 'withdraw-reason' }], button: t('qa.withdraw'), testid: 'withdraw-submit',
      send: (v) => api('POST', `/qa/inquiries/${i.id}/withdrawal`, { reason: v.reason || null }), done: rerender(t('qa.saved')) }));
  }
  return forms.length ? h('section', { class: 'qa-actions', dataset: { testid: 'delegate-actions' } }, h('h2', {}, t('qa.yourActions')), forms) : null;
}

function departmentActions(i, { responsible, receiving, lead }) {
  const forms = [];
  if (receiving) {
    forms.push(h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'primary', dataset: { testid: 'transfer-accept' }, onclick: async () => { try { await api('POST', `/qa/inquiries/${i.id}/transfer/acceptance`); rerender(t('qa.saved'))(); } catch (err) { showError(err); } } }, t('qa.transfer.accept')),
      h('button', { type: 'button', dataset: { testid: 'transfer-decline' }, onclick: async () => { try { await api('POST', `/qa/inquiries/${i.id}/transfer/refusal`); rerender(t('qa.saved'))(); } catch (err) { showError(err); } } }, t('qa.transfer.decline')),
    ));
  }
  if (responsible && i.state === 'assigned') {
    forms.push(actionForm({
      title: t('qa.draftAnswer'),
      fields: [
        { name: 'text', label: t('qa.answerText'), type: 'textarea', required: true, rows: 5, maxlength: 8000, value: i.draft ? i.draft.text : '', testid: 'answer-draft-text' },
        { name: 'outcome', label: t('qa.outcomeLabel'), type: 'select', options: options(OUTCOMES, 'qa.outcome').map((o) => ({ ...o, selected: i.draft && i.draft.outcome === o.value })), testid: 'answer-draft-outcome' },
      ],
      button: t('qa.saveDraft'), testid: 'answer-draft-save',
      send: (v) => api('PUT', `/qa/inquiries/${i.id}/answer`, v), done: rerender(t('qa.draftSaved')),
    }));
    if (i.draft && lead) {
      forms.push(h('button', { type: 'button', class: 'primary', dataset: { testid: 'answer-approve' }, onclick: async () => { try { await api('POST', `/qa/inquiries/${i.id}/answer/approval`); rerender(t('qa.approved'))(); } catch (err) { showError(err); } } }, t('qa.approve')));
    }
    forms.push(actionForm({ title: t('qa.holding'), fields: [{ name: 'text', label: t('qa.answerText'), type: 'textarea', required: true, rows: 2, testid: 'holding-text' }], button: t('qa.holding'), testid: 'holding-submit',
      send: (v) => api('POST', `/qa/inquiries/${i.id}/holding-answers`, v), done: rerender(t('qa.saved')) }));
    forms.push(transferForm(i));
  }
  if (responsible && lead && i.state === 'published') {
    forms.push(actionForm({ title: t('qa.correction'), fields: [{ name: 'text', label: t('qa.answerText'), type: 'textarea', required: true, rows: 3, testid: 'correction-text' }], button: t('qa.correction'), testid: 'correction-submit',
      send: (v) => api('POST', `/qa/inquiries/${i.id}/corrections`, v), done: rerender(t('qa.saved')) }));
  }
  if (i.draft) {
    forms.unshift(h('div', { class: 'card', dataset: { testid: 'answer-draft' } }, h('p', { class: 'meta' }, t(`qa.answerStatus.${i.draft.status}`), i.draft.outcome ? ` · ${t(`qa.outcome.${i.draft.outcome}`)}` : ''), h('p', { class: 'qa-text' }, i.draft.text)));
  }
  return h('section', { class: 'qa-actions', dataset: { testid: 'department-actions' } }, h('h2', {}, t('qa.departmentActions')), forms);
}

function transferForm(i) {
  const select = field({ name: 'department', label: t('qa.transfer.to'), type: 'select', options: [], testid: 'transfer-department' });
  api('GET', '/qa/departments').then((all) => {
    all.filter((d) => !i.department || d.id !== i.department.id).forEach((d) => select.input.appendChild(h('option', { value: d.id }, d.name)));
  });
  const form = h('form', { class: 'form qa-action', novalidate: true }, h('h3', {}, t('qa.transfer.title')), select.row, h('div', { class: 'actions' }, submitButton(t('qa.transfer.request'), 'transfer-request')));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    await busy(form, async () => {
      try {
        await api('POST', `/qa/inquiries/${i.id}/transfer`, { department: Number(select.input.value) });
        rerender(t('qa.saved'))();
      } catch (err) {
        showError(err, form);
      }
    });
  });
  return form;
}

function managerActions(i) {
  const forms = [];
  if (['submitted', 'triaged'].includes(i.state)) {
    const dept = field({ name: 'department', label: t('qa.assign.department'), type: 'select', options: [], testid: 'assign-department' });
    api('GET', '/qa/departments').then((all) => all.forEach((d) => dept.input.appendChild(h('option', { value: d.id }, d.name))));
    const days = field({ name: 'workingDays', label: t('qa.assign.days'), type: 'number', min: 1, max: 60, value: '10', testid: 'assign-days' });
    const priority = field({ name: 'priorityDate', label: t('qa.assign.priority'), type: 'date', testid: 'assign-priority' });
    const form = h('form', { class: 'form qa-action', novalidate: true }, h('h3', {}, t('qa.assign.title')), dept.row, days.row, priority.row, h('div', { class: 'actions' }, submitButton(t('qa.assign.submit'), 'assign-submit')));
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      clearMessages(form);
      await busy(form, async () => {
        try {
          await api('POST', `/qa/inquiries/${i.id}/assignment`, { department: Number(dept.input.value), workingDays: Number(days.input.value), priorityDate: priority.input.value || null });
          rerender(t('qa.assigned'))();
        } catch (err) {
          showError(err, form);
        }
      });
    });
    forms.push(form);
  }
  if (i.state === 'submitted') {
    forms.push(actionForm({ title: t('qa.triage.reject'), fields: [
      { name: 'reasonCode', label: t('qa.triage.reasonCode'), type: 'select', options: options(REASONS, 'qa.reason'), testid: 'reject-reason' },
      { name: 'note', label: t('qa.triage.note'), testid: 'reject-note' }], button: t('qa.triage.reject'), testid: 'reject-submit',
    send: (v) => api('POST', `/qa/inquiries/${i.id}/triage`, { decision: 'reject', reasonCode: v.reasonCode, note: v.note || null }), done: rerender(t('qa.saved')) }));
    forms.push(actionForm({ title: t('qa.triage.clarify'), fields: [{ name: 'note', label: t('qa.triage.question'), required: true, testid: 'clarify-question' }], button: t('qa.triage.clarify'), testid: 'clarify-request',
      send: (v) => api('POST', `/qa/inquiries/${i.id}/triage`, { decision: 'clarify', note: v.note }), done: rerender(t('qa.saved')) }));
    forms.push(actionForm({ title: t('qa.triage.merge'), fields: [{ name: 'into', label: t('qa.triage.into'), type: 'number', required: true, testid: 'merge-into' }], button: t('qa.triage.merge'), testid: 'merge-submit',
      send: (v) => api('POST', `/qa/inquiries/${i.id}/triage`, { decision: 'merge', into: Number(v.into) }), done: rerender(t('qa.saved')) }));
  }
  if (i.state === 'answered' || i.state === 'discussed') {
    forms.push(h('button', { type: 'button', dataset: { testid: 'publish-held' }, onclick: async () => { try { await api('POST', `/qa/inquiries/${i.id}/publication`); rerender(t('qa.saved'))(); } catch (err) { showError(err); } } }, t('qa.publishHeld')));
  }
  return forms.length ? h('section', { class: 'qa-actions', dataset: { testid: 'manager-actions' } }, h('h2', {}, t('qa.managerActions')), forms) : null;
}

// --- delegate workspace ---------------------------------------------------------------------

export async function qaMineView() {
  const [mine, sessions, rules] = await Promise.all([api('GET', '/qa/inquiries/mine'), api('GET', '/qa/sessions'), api('GET', '/qa/inquiries/rules')]);
  const open = sessions.filter((s) => s.filingOpen && s.delegates.some((d) => d.id === session.member.id));
  return h(
    'section',
    {},
    h('h1', {}, t('qa.mine.title')),
    hasRole('delegate') && open.length ? fileForm(open, rules) : h('p', { class: 'hint' }, t('qa.mine.noOpenSession')),
    h('h2', {}, t('qa.mine.list')),
    list(mine, 'my-inquiries', t('qa.mine.none')),
  );
}

function fileForm(open, rules) {
  const sessionField = field({ name: 'session', label: t('qa.file.session'), type: 'select', options: open.map((s) => ({ value: s.id, label: s.title })), testid: 'file-session' });
  const kind = field({ name: 'kind', label: t('qa.file.kind'), type: 'select', options: options(['question', 'suggestion'], 'qa.kind'), testid: 'file-kind' });
  const heading = field({ name: 'heading', label: t('qa.file.heading'), required: true, minlength: 5, maxlength: 200, testid: 'file-heading' });
  const text = field({ name: 'text', label: t('qa.file.text'), type: 'textarea', required: true, rows: 6, maxlength: rules.maxLength, hint: t('qa.file.rules', { max: formatNumber(rules.maxLength), questions: rules.maxSubQuestions }), testid: 'file-text' });
  const interest = field({ name: 'interest', label: t('qa.file.interest'), required: true, maxlength: 1000, hint: t('qa.file.interestHint'), testid: 'file-interest' });
  const cosigners = h('fieldset', { class: 'field qa-cosigners', dataset: { testid: 'file-cosigners' } });
  function cosignerChoices() {
    const chosenSession = open.find((x) => String(x.id) === sessionField.input.value) || open[0];
    const others = chosenSession ? chosenSession.delegates.filter((d) => !session.member || d.id !== session.member.id) : [];
    replace(cosigners, [
      h('legend', {}, t('qa.file.cosigners')),
      h('p', { class: 'hint' }, t('qa.file.cosignersHint')),
      others.length
        ? others.map((d) => h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'cosigner', value: d.id, dataset: { testid: 'file-cosigner' } }), ' ', d.name))
        : h('p', { class: 'empty' }, t('qa.file.noCosigners')),
    ]);
  }
  sessionField.input.addEventListener('change', cosignerChoices);
  cosignerChoices();
  const links = field({ name: 'links', label: t('qa.file.links'), hint: t('qa.file.linksHint'), testid: 'file-links' });
  const repeats = h('div', { class: 'qa-repeats', 'aria-live': 'polite', dataset: { testid: 'repeats' } });
  let timer;
  heading.input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const q = heading.input.value.trim();
      if (q.length < 5) return replace(repeats);
      try {
        const found = await api('GET', `/qa/inquiries/repeats${query({ q })}`);
        replace(repeats, found.length ? [h('h3', {}, t('qa.file.repeats')), h('ul', {}, found.map((r) => h('li', {}, h('a', { href: inquiryLink(r) }, `${r.reference} ${r.heading}`), r.answers[0] ? h('p', { class: 'hint' }, r.answers[0].text) : null)))] : []);
      } catch (err) {
        replace(repeats);
      }
    }, 300);
  });
  const form = h(
    'form',
    { class: 'form card', novalidate: true, dataset: { testid: 'file-form' } },
    h('h2', {}, t('qa.file.title')),
    sessionField.row, kind.row, heading.row, repeats, text.row, interest.row, cosigners, links.row,
    h('div', { class: 'actions' },
      h('button', { type: 'submit', class: 'primary', name: 'mode', value: 'submit', dataset: { testid: 'file-submit' } }, t('qa.file.submit')),
      h('button', { type: 'submit', name: 'mode', value: 'draft', dataset: { testid: 'file-draft' } }, t('qa.file.saveDraft'))),
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearMessages(form);
    const submit = !(e.submitter && e.submitter.value === 'draft');
    await busy(form, async () => {
      try {
        const created = await api('POST', '/qa/inquiries', {
          session: Number(sessionField.input.value),
          kind: kind.input.value,
          heading: heading.input.value.trim(),
          text: text.input.value.trim(),
          interest: interest.input.value.trim(),
          cosigners: [...cosigners.querySelectorAll('input[name="cosigner"]:checked')].map((c) => Number(c.value)),
          links: links.input.value.split(/\s+/).filter(Boolean),
          submit,
        });
        navigate(`/qa/inquiries/${created.id}`);
        announce(submit ? t('qa.submittedRef', { ref: created.reference }) : t('qa.draftSaved'));
      } catch (err) {
        showError(err, form);
      }
    });
  });
  return form;
}

// --- department inbox -----------------------------------------------------------------------

export async function qaInboxView() {
  const [inbox, departments] = await Promise.all([api('GET', '/qa/inquiries/inbox'), api('GET', '/qa/departments/mine')]);
  const plans = departments.length ? await api('GET', `/qa/plans${query({ department: departments.length === 1 ? departments[0].id : '' })}`) : [];
  const ids = new Set(departments.map((d) => d.id));
  return h(
    'section',
    {},
    h('h1', {}, t('qa.inbox.title')),
    departments.length ? h('p', { class: 'lead' }, departments.map((d) => d.name).join(', ')) : h('p', { class: 'empty' }, t('qa.inbox.noDepartment')),
    list(inbox, 'inbox', t('qa.inbox.none')),
    departments.length ? [h('h2', {}, t('qa.plans.title')), plansList(plans.filter((p) => ids.has(p.department.id)), true), newPlanForm(departments)] : null,
  );
}

function plansList(plans, manage) {
  if (!plans.length) return h('p', { class: 'empty' }, t('qa.plans.none'));
  return h('ol', { class: 'plain-list', dataset: { testid: 'plans' } }, plans.map((p) => planItem(p, manage)));
}

function planItem(p, manage) {
  return h(
    'li',
    { class: 'card qa-plan', dataset: { testid: 'plan', planId: p.id } },
    h('h3', {}, p.title, ' ', h('span', { class: 'badge' }, t(`qa.planStatus.${p.status}`)), p.missedDueDate ? [' ', h('span', { class: 'badge qa-very_overdue', dataset: { testid: 'plan-missed' } }, t('qa.plans.missed'))] : null),
    h('p', { class: 'meta' }, p.department.name, ' · ', t('qa.plans.dates', { start: p.startDate, due: p.dueDate })),
    h('p', {}, p.description),
    h('p', { class: 'qa-progress' }, h('label', {}, t('qa.plans.progress'), ' ', h('progress', { max: 100, value: p.progress }), ' ', h('span', { dataset: { testid: 'plan-progress' } }, `${p.progress}%`))),
    p.milestones.length ? h('ul', {}, p.milestones.map((m) => h('li', {}, `${m.date}: ${m.note}`))) : null,
    p.subPlans.length ? h('ol', { class: 'plain-list' }, p.subPlans.map((c) => planItem(c, manage))) : null,
    manage
      ? actionForm({ title: t('qa.plans.milestone'), fields: [
          { name: 'date', label: t('qa.plans.milestoneDate'), type: 'date', required: true, testid: 'milestone-date' },
          { name: 'note', label: t('qa.plans.milestoneNote'), required: true, maxlength: 1000, testid: 'milestone-note' }],
        button: t('qa.plans.addMilestone'), testid: 'milestone-add',
        send: (v) => api('POST', `/qa/plans/${p.id}/milestones`, v), done: rerender(t('qa.saved')) })
      : null,
    !manage && p.status === 'done' && !p.confirmedBy && hasRole('delegate')
      ? h('button', { type: 'button', dataset: { testid: 'plan-confirm' }, onclick: async () => {
          try { await api('POST', `/qa/plans/${p.id}/confirmation`); rerender(t('qa.plans.confirmed'))(); } catch (err) { showError(err); }
        } }, t('qa.plans.confirm'))
      : null,
    p.confirmedBy ? h('p', { class: 'hint' }, t('qa.plans.confirmedBy', { name: p.confirmedBy.name })) : null,
    manage
      ? actionForm({ fields: [
          { name: 'status', label: t('qa.plans.status'), type: 'select', options: options(['planned', 'in_progress', 'done', 'cancelled'], 'qa.planStatus').map((o) => ({ ...o, selected: o.value === p.status })) },
          { name: 'progress', label: t('qa.plans.progress'), type: 'number', min: 0, max: 100 }],
        button: t('qa.plans.report'), testid: 'plan-report',
        send: (v) => api('PATCH', `/qa/plans/${p.id}`, { status: v.status, progress: v.progress === '' ? null : Number(v.progress) }), done: rerender(t('qa.saved')) })
      : null,
  );
}

function newPlanForm(departments) {
  return h('details', { class: 'card' }, h('summary', { dataset: { testid: 'plan-new' } }, t('qa.plans.new')), actionForm({
    fields: [
      { name: 'department', label: t('qa.assign.department'), type: 'select', options: departments.map((d) => ({ value: d.id, label: d.name })), testid: 'plan-department' },
      { name: 'title', label: t('qa.plans.titleLabel'), required: true, maxlength: 200, testid: 'plan-title' },
      { name: 'description', label: t('qa.plans.description'), type: 'textarea', required: true, rows: 3, testid: 'plan-description' },
      { name: 'startDate', label: t('qa.plans.start'), type: 'date', required: true, testid: 'plan-start' },
      { name: 'dueDate', label: t('qa.plans.due'), type: 'date', required: true, testid: 'plan-due' },
      { name: 'inquiries', label: t('qa.plans.inquiries'), hint: t('qa.agenda.orderHint'), testid: 'plan-inquiries' },
    ],
    button: t('qa.plans.create'), testid: 'plan-create',
    send: (v) => api('POST', '/qa/plans', { ...v, department: Number(v.department), inquiries: v.inquiries.split(/[\s,]+/).filter(Boolean).map(Number) }),
    done: rerender(t('qa.saved')),
  }));
}

// --- manager triage queue -------------------------------------------------------------------

export async function qaTriageView() {
  const [queue, departments] = await Promise.all([api('GET', '/qa/inquiries/triage'), api('GET', '/qa/departments')]);
  return h('section', {}, h('h1', {}, t('qa.triage.title')), h('p', { class: 'lead' }, t('qa.triage.lead')), list(queue, 'triage-queue', t('qa.triage.none')), departmentsAdmin(departments));
}

// --- public timeliness ----------------------------------------------------------------------

function percent(share) {
  if (share.percent === null || share.percent === undefined) return t('qa.timeliness.tooFew', { n: formatNumber(share.answered) });
  return `${formatNumber(share.percent)}% (${formatNumber(share.onTime)}/${formatNumber(share.answered)})`;
}

export async function qaTimelinessView() {
  const [rows, plans] = await Promise.all([api('GET', '/qa/departments/timeliness'), api('GET', '/qa/plans')]);
  const header = ['department', 'ordinary', 'priority', 'median', 'holding', 'overdue', 'revisions', 'corrections', 'plans'];
  return h(
    'section',
    {},
    h('h1', {}, t('qa.timeliness.title')),
    h('p', { class: 'lead' }, rows.length ? t('qa.timeliness.lead', { n: rows[0].minSample }) : ''),
    h('div', { class: 'table-wrap' }, h(
      'table',
      { class: 'qa-table', dataset: { testid: 'timeliness' } },
      h('thead', {}, h('tr', {}, header.map((k) => h('th', { scope: 'col' }, t(`qa.timeliness.${k}`))))),
      h('tbody', {}, rows.map((r) => h(
        'tr',
        { dataset: { testid: 'timeliness-row', departmentId: r.department.id } },
        h('th', { scope: 'row' }, r.department.name),
        h('td', {}, percent(r.ordinary)),
        h('td', {}, percent(r.priority)),
        h('td', {}, r.medianWorkingDays === null ? t('qa.timeliness.tooFewShort') : formatNumber(r.medianWorkingDays)),
        h('td', {}, formatNumber(r.holdingAnswers)),
        h('td', { dataset: { testid: 'timeliness-overdue' } }, formatNumber(r.overdueNow), r.veryOverdueNow ? ` (${t('qa.lateness.very_overdue')}: ${formatNumber(r.veryOverdueNow)})` : ''),
        h('td', {}, formatNumber(r.revisionRequests)),
        h('td', {}, formatNumber(r.corrections)),
        h('td', {}, r.planProgress === null ? '–' : `${r.planProgress}%`, r.plansMissedDue ? ` · ${t('qa.plans.missedCount', { n: r.plansMissedDue })}` : ''),
      ))),
    )),
    h('h2', {}, t('qa.plans.title')),
    plansList(plans, false),
  );
}
