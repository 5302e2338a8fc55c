// Selection rounds: the round list, a round's page (timeline, seats, quotas, nominations,
// questionnaire, endorsements, results with a round-by-round chart), the ranked ballot and the
// delegates' public records.
import { h, replace, uid } from '../dom.js';
import { t, formatDate, formatNumber } from '../i18n.js';
import { api } from '../api.js';
import { signedIn, isManager, session } from '../session.js';
import { showError, announce, clearMessages } from '../messages.js';
import { field, busy, submitButton } from '../forms.js';
import { navigate, render } from '../router.js';

const PHASES = ['upcoming', 'nomination', 'endorsement', 'voting', 'counting', 'published'];
const SVG = 'http://www.w3.org/2000/svg';

function phaseBadge(phase) {
  return h('span', { class: `badge phase-${phase}`, dataset: { testid: 'round-phase' } }, t(`round.phase.${phase}`));
}

function methodName(method) {
  return t(`round.method.${method}`);
}

export async function roundsView() {
  const rounds = await api('GET', '/selection/rounds');
  const list = h(
    'ul',
    { class: 'plain-list', dataset: { testid: 'round-list' } },
    rounds.map((r) =>
      h(
        'li',
        { class: 'card', dataset: { testid: 'round-item', roundId: r.id } },
        h('h2', {}, h('a', { href: `#/rounds/${r.id}` }, r.title), ' ', phaseBadge(r.phase)),
        h('p', { class: 'meta' }, `${methodName(r.method)} · ${t('round.seatsN', { n: r.seats })}`),
      ),
    ),
  );
  return h(
    'section',
    {},
    h('h1', {}, t('round.listTitle')),
    h('p', { class: 'lead' }, t('round.listLead')),
    h('p', {}, h('a', { href: '#/delegates', dataset: { testid: 'delegates-link' } }, t('delegate.listTitle'))),
    rounds.length ? list : h('p', { class: 'empty' }, t('round.none')),
    isManager() ? createForm() : null,
  );
}

function localInput(date) {
  const d = new Date(date.getTime() - date.getTimezoneOffset() * 60000);
  return d.toISOString().slice(0, 16);
}

function createForm() {
  const now = new Date();
  const day = 86400000;
  const title = field({ name: 'title', label: t('round.field.title'), required: true, maxlength: 140, testid: 'round-title' });
  const method = field({
    name: 'method',
    label: t('round.field.method'),
    type: 'select',
    options: ['stv', 'sortition', 'combined', 'stv_by_type'].map((m) => ({ value: m, label: methodName(m) })),
  });
  const seats = field({ name: 'seats', label: t('round.field.seats'), type: 'number', min: 1, max: 50, value: 9 });
  const shortlist = field({ name: 'shortlistSize', label: t('round.field.shortlist'), type: 'number', min: 0, value: 20, hint: t('round.field.shortlistHint') });
  const dates = [
    ['nominationOpensAt', 0],
    ['nominationClosesAt', 7],
    ['endorsementClosesAt', 10],
    ['votingClosesAt', 17],
  ].map(([name, days]) => field({ name, label: t(`round.timeline.${name}`), type: 'datetime-local', required: true, value: localInput(new Date(now.getTime() + days * day)) }));
  const floors = [
    ['minAccountDays', 30],
    ['minActivity', 10],
    ['nominationCap', 30],
    ['voterMinAccountDays', 0],
    ['termDays', 365],
    ['recallThreshold', 50],
  ].map(([name, value]) => field({ name, label: t(`round.field.${name}`), type: 'number', min: 0, value }));
  const quotas = field({ name: 'quotas', label: t('round.field.quotas'), type: 'textarea', rows: 3, hint: t('round.field.quotasHint') });
  const form = h(
    'form',
    { class: 'form card', novalidate: true, dataset: { testid: 'round-create' } },
    h('h2', {}, t('round.createTitle')),
    title.row,
    method.row,
    seats.row,
    shortlist.row,
    dates.map((d) => d.row),
    floors.map((f) => f.row),
    quotas.row,
    h('div', { class: 'actions' }, submitButton(t('round.create'), 'round-create-submit')),
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearMessages(form);
    const body = { title: title.input.value.trim(), method: method.input.value, seats: Number(seats.input.value), shortlistSize: Number(shortlist.input.value) };
    dates.forEach((d) => {
      body[d.input.name] = d.input.value ? new Date(d.input.value).toISOString() : null;
    });
    floors.forEach((f) => {
      body[f.input.name] = Number(f.input.value);
    });
    body.quotas = quotas.input.value
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean)
      .map((line) => {
        const [category, feature, min, max] = line.split(',').map((s) => s.trim());
        return { category, feature, min: Number(min || 0), max: Number(max || body.seats) };
      });
    await busy(form, async () => {
      try {
        const round = await api('POST', '/selection/rounds', body);
        navigate(`/rounds/${round.id}`);
      } catch (err) {
        showError(err, form);
      }
    });
  });
  return form;
}

export async function roundView({ params }) {
  const id = params.id;
  const [round, nominations, questions] = await Promise.all([
    api('GET', `/selection/rounds/${id}`),
    api('GET', `/selection/rounds/${id}/nominations`),
    api('GET', `/selection/rounds/${id}/questions`),
  ]);
  const drawn = round.phase === 'published' && round.method === 'sortition';
  const results = round.phase === 'published' && !drawn ? await api('GET', `/selection/rounds/${id}/results`) : null;
  const draw = drawn || (round.phase === 'published' && round.method === 'combined') ? await api('GET', `/selection/rounds/${id}/draw`).catch(() => null) : null;
  return h(
    'section',
    { dataset: { testid: 'round-detail', roundId: round.id } },
    h('h1', {}, round.title),
    h('p', { class: 'meta' }, phaseBadge(round.phase), ' ', `${methodName(round.method)} · ${t('round.seatsN', { n: round.seats })}`),
    round.description ? h('p', {}, round.description) : null,
    timeline(round),
    facts(round),
    managerActions(round),
    round.phase === 'voting' && round.method !== 'sortition'
      ? h('p', { class: 'callout', dataset: { testid: round.hasVoted ? 'round-voted' : 'round-ballot' } }, round.hasVoted ? t('ballot.alreadyCast') : h('a', { href: `#/rounds/${id}/ballot`, class: 'button-link', dataset: { testid: 'ballot-link' } }, t('ballot.open')))
      : null,
    results ? resultsSection(round, results) : null,
    draw ? drawSection(round, draw) : null,
    nominationsSection(round, nominations, questions),
    questionsSection(round, questions),
  );
}

function timeline(round) {
  const tl = round.timeline;
  const current = PHASES.indexOf(round.phase);
  const steps = [
    ['nomination', tl.nominationOpensAt, tl.nominationClosesAt],
    ['endorsement', tl.nominationClosesAt, tl.endorsementClosesAt],
    ['voting', tl.endorsementClosesAt, tl.votingClosesAt],
    ['published', tl.votingClosesAt, round.countedAt],
  ];
  return h(
    'section',
    { 'aria-labelledby': 'tl-h' },
    h('h2', { id: 'tl-h' }, t('round.timelineTitle')),
    h(
      'ol',
      { class: 'timeline', dataset: { testid: 'round-timeline' } },
      steps.map(([phase, from, to]) => {
        const index = PHASES.indexOf(phase);
        const state = round.phase === 'cancelled' ? 'past' : index < current ? 'past' : index === current || (phase === 'published' && round.phase === 'counting') ? 'current' : 'future';
        return h(
          'li',
          { class: `step ${state}`, 'aria-current': state === 'current' ? 'step' : null },
          h('strong', {}, t(`round.phase.${phase === 'voting' && round.method === 'sortition' ? 'draw' : phase}`)),
          h('span', { class: 'meta' }, ` ${formatDate(from)}${to ? ` – ${formatDate(to)}` : ''}`),
        );
      }),
    ),
  );
}

function facts(round) {
  const f = round.floors;
  return h(
    'section',
    { 'aria-labelledby': 'facts-h' },
    h('h2', { id: 'facts-h' }, t('round.rulesTitle')),
    h(
      'dl',
      { class: 'facts' },
      h('dt', {}, t('round.field.shortlist')),
      h('dd', {}, round.shortlistSize ? formatNumber(round.shortlistSize) : t('round.everyone')),
      h('dt', {}, t('round.field.minAccountDays')),
      h('dd', {}, formatNumber(f.minAccountDays)),
      h('dt', {}, t('round.field.minActivity')),
      h('dd', { dataset: { testid: 'round-activity-floor' } }, formatNumber(f.effectiveActivityFloor), f.effectiveActivityFloor > f.minActivity ? ` (${t('round.floorRaised')})` : ''),
      h('dt', {}, t('round.field.nominationCap')),
      h('dd', {}, f.nominationCap ? formatNumber(f.nominationCap) : t('round.noCap')),
      h('dt', {}, t('round.field.termDays')),
      h('dd', {}, formatNumber(round.termDays)),
      h('dt', {}, t('round.turnout')),
      h('dd', {}, t('round.turnoutText', { endorsements: formatNumber(round.endorsementsCast), ballots: formatNumber(round.ballotsCast) })),
      h('dt', {}, t('round.seedCommitment')),
      h('dd', { class: 'hash' }, round.seedSha256),
    ),
    h('p', { class: 'hint' }, t('round.activityRule')),
    round.quotas.length
      ? h(
          'table',
          { class: 'quotas', dataset: { testid: 'round-quotas' } },
          h('caption', {}, t('round.quotasTitle')),
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('round.quota.category')), h('th', { scope: 'col' }, t('round.quota.feature')), h('th', { scope: 'col' }, t('round.quota.min')), h('th', { scope: 'col' }, t('round.quota.max')))),
          h('tbody', {}, round.quotas.map((q) => h('tr', {}, h('td', {}, t(`round.category.${q.category}`)), h('td', {}, q.category === 'member_type' ? t(`memberType.${q.feature}`) : q.feature), h('td', {}, q.min), h('td', {}, q.max)))),
        )
      : null,
  );
}

function managerActions(round) {
  if (!isManager() || round.phase === 'published' || round.phase === 'cancelled') return null;
  const act = (path, label, testid) =>
    h(
      'button',
      {
        type: 'button',
        dataset: { testid },
        onclick: async (e) => {
          const button = e.currentTarget;
          button.disabled = true;
          try {
            await api('POST', `/selection/rounds/${round.id}/${path}`, path === 'count' ? undefined : { reason: t('round.manualReason') });
            announce(t('round.done'));
            render({ keepFocus: true });
          } catch (err) {
            showError(err);
          } finally {
            button.disabled = false;
          }
        },
      },
      label,
    );
  return h(
    'div',
    { class: 'actions manager', dataset: { testid: 'round-manager-actions' } },
    round.phase === 'counting' ? act('count', t('round.count'), 'round-count') : act('advance', t('round.advance'), 'round-advance'),
  );
}

function nominationsSection(round, nominations, questions) {
  const me = session.member;
  const mine = me && nominations.find((n) => n.nominee.id === me.id && ['accepted', 'pending'].includes(n.status));
  const list = h(
    'ol',
    { class: 'plain-list nominations', dataset: { testid: 'nomination-list' } },
    nominations.map((n) => nominationCard(round, n, questions, me)),
  );
  return h(
    'section',
    { 'aria-labelledby': 'nom-h' },
    h('h2', { id: 'nom-h' }, t('nomination.title')),
    nominations.length ? list : h('p', { class: 'empty' }, t('nomination.none')),
    round.phase === 'nomination' && signedIn() && !mine ? nominateForm(round) : null,
  );
}

function nominationCard(round, n, questions, me) {
  const mine = me && n.nominee.id === me.id;
  const answers = new Map((n.answers || []).map((a) => [a.questionId, a.body]));
  const card = h(
    'li',
    { class: 'card', dataset: { testid: 'nomination', nominationId: n.id } },
    h('h3', {}, n.nominee.displayName, ' ', h('span', { class: `badge nomination-${n.status}` }, t(`nomination.status.${n.status}`))),
    h('p', { class: 'meta' }, [t(`memberType.${n.memberType}`), n.region, n.deviceLine, t('nomination.activity', { n: formatNumber(n.activity) }), t('nomination.endorsements', { n: formatNumber(n.endorsements) })].filter(Boolean).join(' · ')),
    n.statement ? h('p', {}, n.statement) : null,
    n.statusReason ? h('p', { class: 'hint' }, n.statusReason) : null,
    answers.size
      ? h('dl', { class: 'answers' }, questions.filter((q) => answers.has(q.id)).map((q) => [h('dt', {}, q.body), h('dd', {}, answers.get(q.id))]))
      : null,
  );
  const actions = h('div', { class: 'actions' });
  if (round.phase === 'endorsement' && signedIn() && n.status === 'accepted') {
    actions.append(
      h(
        'button',
        {
          type: 'button',
          'aria-pressed': n.endorsedByMe ? 'true' : 'false',
          disabled: n.endorsedByMe,
          dataset: { testid: 'endorse' },
          onclick: async (e) => {
            const button = e.currentTarget;
            button.disabled = true;
            try {
              const count = await api('POST', `/selection/rounds/${round.id}/nominations/${n.id}/endorsements`);
              button.setAttribute('aria-pressed', 'true');
              button.textContent = t('nomination.endorsed');
              announce(t('nomination.endorsements', { n: formatNumber(count.total) }));
            } catch (err) {
              button.disabled = false;
              showError(err);
            }
          },
        },
        n.endorsedByMe ? t('nomination.endorsed') : t('nomination.endorse', { name: n.nominee.displayName }),
      ),
    );
  }
  if (mine && n.status === 'pending' && round.phase === 'nomination') {
    actions.append(
      h('button', { type: 'button', class: 'primary', dataset: { testid: 'nomination-accept' }, onclick: () => step(round, n, 'accept', {}) }, t('nomination.accept')),
      h('button', { type: 'button', dataset: { testid: 'nomination-decline' }, onclick: () => step(round, n, 'decline') }, t('nomination.decline')),
    );
  }
  if (mine && ['accepted', 'pending'].includes(n.status) && !['published', 'cancelled'].includes(round.phase)) {
    actions.append(h('button', { type: 'button', dataset: { testid: 'nomination-withdraw' }, onclick: () => step(round, n, 'withdraw') }, t('nomination.withdraw')));
  }
  if (actions.childNodes.length) card.append(actions);
  if (mine && ['nomination', 'endorsement'].includes(round.phase) && questions.length) {
    card.append(answerForm(round, n, questions, answers));
  }
  return card;
}

async function step(round, n, action, body) {
  try {
    await api('POST', `/selection/rounds/${round.id}/nominations/${n.id}/${action}`, body);
    render({ keepFocus: true });
  } catch (err) {
    showError(err);
  }
}

function answerForm(round, n, questions, answers) {
  const select = field({ name: 'question', label: t('questions.pick'), type: 'select', options: questions.map((q) => ({ value: q.id, label: q.body })) });
  const body = field({ name: 'body', label: t('questions.answer'), type: 'textarea', rows: 3, required: true, maxlength: 4000, testid: 'answer-body' });
  const fill = () => {
    body.input.value = answers.get(Number(select.input.value)) || '';
  };
  select.input.addEventListener('change', fill);
  fill();
  const form = h('form', { class: 'form', novalidate: true }, h('h4', {}, t('questions.answerTitle')), select.row, body.row, h('div', { class: 'actions' }, submitButton(t('questions.save'), 'answer-submit')));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    await busy(form, async () => {
      try {
        await api('PUT', `/selection/rounds/${round.id}/nominations/${n.id}/answers/${select.input.value}`, { body: body.input.value });
        render({ keepFocus: true });
      } catch (err) {
        showError(err, form);
      }
    });
  });
  return form;
}

function nominateForm(round) {
  const statement = field({ name: 'statement', label: t('nomination.statement'), type: 'textarea', rows: 4, maxlength: 4000, testid: 'nomination-statement' });
  const other = field({ name: 'nomineeId', label: t('nomination.other'), type: 'number', min: 1, hint: t('nomination.otherHint') });
  const form = h('form', { class: 'form card', novalidate: true }, h('h3', {}, t('nomination.formTitle')), statement.row, other.row, h('div', { class: 'actions' }, submitButton(t('nomination.submit'), 'nomination-submit')));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    await busy(form, async () => {
      try {
        const nomineeId = other.input.value ? Number(other.input.value) : null;
        await api('POST', `/selection/rounds/${round.id}/nominations`, { statement: statement.input.value, nomineeId });
        render({ keepFocus: true });
      } catch (err) {
        showError(err, form);
      }
    });
  });
  return form;
}

function questionsSection(round, questions) {
  const open = ['upcoming', 'nomination'].includes(round.phase);
  const list = h(
    'ol',
    { class: 'plain-list questions', dataset: { testid: 'question-list' } },
    questions.map((q) =>
      h(
        'li',
        { class: 'question' },
        h('span', { class: 'count', 'aria-label': t('questions.upvotes', { n: formatNumber(q.upvotes) }) }, formatNumber(q.upvotes)),
        ' ',
        h('span', {}, q.body),
        signedIn() && ['upcoming', 'nomination', 'endorsement'].includes(round.phase)
          ? h(
              'button',
              {
                type: 'button',
                class: 'link-button',
                disabled: q.upvotedByMe,
                'aria-pressed': q.upvotedByMe ? 'true' : 'false',
                dataset: { testid: 'question-upvote' },
                onclick: async () => {
                  try {
                    await api('POST', `/selection/rounds/${round.id}/questions/${q.id}/upvotes`);
                    render({ keepFocus: true });
                  } catch (err) {
                    showError(err);
                  }
                },
              },
              t('questions.upvote'),
            )
          : null,
      ),
    ),
  );
  let form = null;
  if (open && signedIn()) {
    const body = field({ name: 'body', label: t('questions.propose'), type: 'textarea', rows: 2, required: true, maxlength: 500, testid: 'question-body' });
    form = h('form', { class: 'form', novalidate: true }, body.row, h('div', { class: 'actions' }, submitButton(t('questions.submit'), 'question-submit')));
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      await busy(form, async () => {
        try {
          await api('POST', `/selection/rounds/${round.id}/questions`, { body: body.input.value });
          render({ keepFocus: true });
        } catch (err) {
          showError(err, form);
        }
      });
    });
  }
  return h('section', { 'aria-labelledby': 'q-h' }, h('h2', { id: 'q-h' }, t('questions.title')), questions.length ? list : h('p', { class: 'empty' }, t('questions.none')), form);
}

// ---- results ----

function resultsSection(round, results) {
  const base = `api/v1/selection/rounds/${round.id}/results`;
  const byPosition = new Map(results.candidates.map((c) => [c.position, c]));
  return h(
    'section',
    { 'aria-labelledby': 'res-h', dataset: { testid: 'round-results' } },
    h('h2', { id: 'res-h' }, t('results.title')),
    h(
      'ol',
      { class: 'winners', dataset: { testid: 'round-winners' } },
      results.winners.map((w) => h('li', {}, h('strong', {}, w.member.displayName), ' · ', t(`memberType.${byPosition.get(w.position).memberType}`))),
    ),
    h('p', { class: 'meta' }, t('results.ballots', { n: formatNumber(results.ballots) })),
    results.byType && results.byType.length ? null : chart(results),
    results.byType && results.byType.length ? null : roundTable(results),
    (results.byType || []).map((tr) =>
      h(
        'section',
        { class: 'by-type', dataset: { testid: 'results-type', memberType: tr.memberType } },
        h('h3', {}, t('results.byType', { type: t(`memberType.${tr.memberType}`), n: tr.seats })),
        h('p', {}, tr.winners.map((w) => w.member.displayName).join(', ')),
        tr.rounds.length ? roundTable({ ...results, rounds: tr.rounds }) : h('p', { class: 'hint' }, t('results.noContest')),
      ),
    ),
    results.quotasEnforced ? h('p', { class: 'hint', dataset: { testid: 'quotas-enforced' } }, t('results.quotasEnforced')) : null,
    results.quotaCheck.length
      ? h('ul', { class: 'quota-check' }, results.quotaCheck.map((q) => h('li', {}, `${t(`round.category.${q.category}`)} ${q.feature}: ${q.seats} (${q.min}–${q.max}) ${q.met ? '✓' : t('results.quotaMissed')}`)))
      : null,
    h(
      'dl',
      { class: 'facts' },
      h('dt', {}, t('results.sha')),
      h('dd', { class: 'hash', dataset: { testid: 'results-sha' } }, results.bltSha256),
      h('dt', {}, t('results.seed')),
      h('dd', { class: 'hash' }, results.seed),
    ),
    h(
      'p',
      { class: 'actions' },
      h('a', { href: `${base}/ballots.blt`, download: `round-${round.id}.blt`, dataset: { testid: 'results-blt' } }, t('results.blt')),
      ' ',
      h('a', { href: `${base}/report.txt` }, t('results.report')),
      ' ',
      h('a', { href: `${base}/receipts` }, t('results.receipts')),
    ),
    h('p', { class: 'hint' }, t('results.recheck')),
    receiptFinder(round),
  );
}

function svg(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== null && v !== undefined) el.setAttribute(k, String(v));
  for (const c of children.flat()) if (c) el.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
  return el;
}

/** One row of bars per candidate and a column per round, with the threshold as a line. */
function chart(results) {
  const rounds = results.rounds;
  const n = results.candidates.length;
  if (!rounds.length) return null;
  const max = Math.max(1, ...rounds.map((r) => Math.max(r.threshold, ...r.count)));
  const label = 130;
  const width = 640;
  const rowH = 22;
  const head = 24;
  const block = n * rowH + head;
  const plot = width - label - 10;
  const height = rounds.length * block + 10;
  const colors = ['#b03a00', '#1d4ed8', '#17603a', '#7c3aed', '#a4161a', '#0e7490', '#854d0e', '#be185d', '#3f3f46'];
  const groups = [];
  rounds.forEach((r, ri) => {
    const y0 = ri * block;
    groups.push(svg('text', { x: 0, y: y0 + 16, 'font-size': 12, 'font-weight': 'bold' }, t('results.roundN', { n: r.n })));
    results.candidates.forEach((c, ci) => {
      const y = y0 + head + ci * rowH;
      const w = (r.count[ci] / max) * plot;
      groups.push(svg('text', { x: 4, y: y + 12, 'font-size': 11 }, c.member.displayName.slice(0, 16)));
      groups.push(svg('rect', { x: label, y, width: Math.max(0, w), height: rowH - 6, fill: colors[ci % colors.length] }, svg('title', {}, `${c.member.displayName}: ${(r.count[ci] / 1e6).toFixed(6)}`)));
    });
    const tx = label + (r.threshold / max) * plot;
    groups.push(svg('line', { x1: tx, x2: tx, y1: y0 + head - 4, y2: y0 + block - 4, stroke: '#1b1b1f', 'stroke-dasharray': '4 3' }));
  });
  return h(
    'figure',
    { class: 'chart' },
    svg('svg', { viewBox: `0 0 ${width} ${height}`, width: '100%', role: 'img', 'aria-labelledby': 'chart-cap', 'data-testid': 'results-chart' }, groups),
    h('figcaption', { id: 'chart-cap' }, t('results.chartCaption')),
  );
}

function roundTable(results) {
  const fmt = (units) => (units / 1e6).toFixed(6);
  return h(
    'div',
    { class: 'table-scroll' },
    h(
      'table',
      { class: 'rounds', dataset: { testid: 'results-rounds' } },
      h('caption', {}, t('results.tableCaption')),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('results.round')), results.candidates.map((c) => h('th', { scope: 'col' }, c.member.displayName)), h('th', { scope: 'col' }, t('results.exhausted')), h('th', { scope: 'col' }, t('results.threshold')))),
      h('tbody', {}, results.rounds.map((r) => h('tr', {}, h('th', { scope: 'row' }, String(r.n)), r.count.map((v) => h('td', {}, fmt(v))), h('td', {}, fmt(r.exhausted)), h('td', {}, fmt(r.threshold))))),
    ),
  );
}

function receiptFinder(round) {
  const input = field({ name: 'receipt', label: t('results.findReceipt'), testid: 'receipt-input' });
  const out = h('p', { role: 'status', dataset: { testid: 'receipt-found' } });
  const form = h('form', { class: 'form', novalidate: true }, input.row, h('div', { class: 'actions' }, submitButton(t('results.find'), 'receipt-find')), out);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      const receipts = await api('GET', `/selection/rounds/${round.id}/results/receipts`);
      const found = receipts.find((r) => r.receipt === input.input.value.trim().toLowerCase());
      replace(out, found ? t('results.receiptLine', { line: found.line, ranking: found.ranking }) : t('results.receiptMissing'));
    } catch (err) {
      showError(err, form);
    }
  });
  return form;
}

// ---- the sortition draw ----

function drawSection(round, draw) {
  const pct = (p) => `${(p * 100).toFixed(2)} %`;
  const base = `api/v1/selection/rounds/${round.id}`;
  return h(
    'section',
    { 'aria-labelledby': 'draw-h', dataset: { testid: 'round-draw' } },
    h('h2', { id: 'draw-h' }, t('draw.title')),
    h('h3', {}, t('draw.panel')),
    h(
      'ol',
      { class: 'winners', dataset: { testid: 'draw-panel' } },
      draw.panel.map((p) => h('li', {}, h('strong', {}, p.member.displayName))),
    ),
    draw.quotaCheck.length
      ? h('ul', { class: 'quota-check', dataset: { testid: 'draw-quotas' } }, draw.quotaCheck.map((q) => h('li', {}, `${t(`round.category.${q.category}`)} ${q.feature}: ${q.seats} (${q.min}–${q.max}) ${q.met ? '✓' : t('results.quotaMissed')}`)))
      : null,
    h(
      'div',
      { class: 'table-scroll' },
      h(
        'table',
        { class: 'rounds', dataset: { testid: 'draw-probabilities' } },
        h('caption', {}, t('draw.caption', { min: pct(draw.minimum) })),
        h(
          'thead',
          {},
          h('tr', {}, h('th', { scope: 'col' }, t('draw.volunteer')), h('th', { scope: 'col' }, t('round.category.member_type')), h('th', { scope: 'col' }, t('round.category.region')), h('th', { scope: 'col' }, t('draw.probability')), h('th', { scope: 'col' }, t('draw.selected'))),
        ),
        h(
          'tbody',
          {},
          draw.volunteers.map((v) =>
            h(
              'tr',
              { dataset: { testid: 'draw-volunteer', nominationId: v.nominationId, selected: String(v.selected) } },
              h('th', { scope: 'row' }, v.member.displayName),
              h('td', {}, t(`memberType.${v.memberType}`)),
              h('td', {}, v.region),
              h('td', { dataset: { testid: 'draw-probability' } }, pct(v.probability)),
              h('td', {}, v.selected ? t('draw.yes') : ''),
            ),
          ),
        ),
      ),
    ),
    h('p', { class: 'meta', dataset: { testid: 'draw-panels' } }, t('draw.panels', { n: formatNumber(draw.panels.length), v: String(draw.draw) })),
    h(
      'dl',
      { class: 'facts' },
      h('dt', {}, t('draw.seed')),
      h('dd', { class: 'hash', dataset: { testid: 'draw-seed' } }, draw.seed),
      h('dt', {}, t('draw.seedSha')),
      h('dd', { class: 'hash' }, draw.seedSha256),
      h('dt', {}, t('draw.resultSha')),
      h('dd', { class: 'hash', dataset: { testid: 'draw-sha' } }, draw.resultSha256),
    ),
    h(
      'p',
      { class: 'actions' },
      h('a', { href: `${base}/pool/categories.csv`, download: `round-${round.id}-categories.csv` }, 'categories.csv'),
      ' ',
      h('a', { href: `${base}/pool/respondents.csv`, download: `round-${round.id}-respondents.csv` }, 'respondents.csv'),
      ' ',
      h('a', { href: `${base}/draw/result.json`, download: `round-${round.id}-draw.json` }, t('draw.result')),
    ),
    h('p', { class: 'hint' }, t('draw.recheck', { seats: draw.size })),
  );
}

// ---- the ranked ballot ----

export async function ballotView({ params }) {
  const id = params.id;
  const [round, form] = await Promise.all([api('GET', `/selection/rounds/${id}`), api('GET', `/selection/rounds/${id}/ballot`)]);
  const candidates = form.candidates.filter((c) => !c.withdrawn);
  const ranked = [];
  const section = h('section', { dataset: { testid: 'ballot', roundId: id } });
  const rankedList = h('ol', { class: 'ranked', dataset: { testid: 'ballot-ranked' }, 'aria-labelledby': 'ranked-h' });
  const poolList = h('ul', { class: 'plain-list unranked', dataset: { testid: 'ballot-unranked' }, 'aria-labelledby': 'pool-h' });
  const live = h('p', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
  let dragged = null;

  const move = (from, to, focusTestid) => {
    const [c] = ranked.splice(from, 1);
    ranked.splice(to, 0, c);
    draw();
    announceRank(c);
    focusOn(c, focusTestid);
  };
  const announceRank = (c) => {
    const at = ranked.indexOf(c);
    live.textContent = at >= 0 ? t('ballot.nowRanked', { name: c.nominee.displayName, n: at + 1 }) : t('ballot.nowUnranked', { name: c.nominee.displayName });
  };
  const focusOn = (c, testid) => {
    const el = section.querySelector(`[data-candidate="${c.nominationId}"] [data-testid="${testid}"]`) || section.querySelector(`[data-candidate="${c.nominationId}"] button`);
    if (el) el.focus();
  };

  function draw() {
    replace(
      rankedList,
      ranked.map((c, i) =>
        h(
          'li',
          {
            class: 'ranked-item',
            draggable: 'true',
            dataset: { candidate: c.nominationId, testid: 'ballot-ranked-item' },
            ondragstart: () => {
              dragged = i;
            },
            ondragover: (e) => e.preventDefault(),
            ondrop: (e) => {
              e.preventDefault();
              if (dragged !== null && dragged !== i) move(dragged, i, 'rank-up');
              dragged = null;
            },
          },
          h('span', { class: 'rank' }, formatNumber(i + 1)),
          ' ',
          h('span', { class: 'name' }, c.nominee.displayName),
          ' ',
          h('span', { class: 'meta' }, t(`memberType.${c.memberType}`)),
          h(
            'span',
            { class: 'controls' },
            h('button', { type: 'button', disabled: i === 0, dataset: { testid: 'rank-up' }, 'aria-label': t('ballot.up', { name: c.nominee.displayName }), onclick: () => move(i, i - 1, 'rank-up') }, '↑'),
            h('button', { type: 'button', disabled: i === ranked.length - 1, dataset: { testid: 'rank-down' }, 'aria-label': t('ballot.down', { name: c.nominee.displayName }), onclick: () => move(i, i + 1, 'rank-down') }, '↓'),
            h(
              'button',
              {
                type: 'button',
                dataset: { testid: 'rank-remove' },
                'aria-label': t('ballot.remove', { name: c.nominee.displayName }),
                onclick: () => {
                  ranked.splice(i, 1);
                  draw();
                  announceRank(c);
                  const next = poolList.querySelector(`[data-candidate="${c.nominationId}"] button`);
                  if (next) next.focus();
                },
              },
              '✕',
            ),
          ),
        ),
      ),
    );
    const unranked = candidates.filter((c) => !ranked.includes(c));
    replace(
      poolList,
      unranked.map((c) =>
        h(
          'li',
          { class: 'card', dataset: { candidate: c.nominationId, testid: 'ballot-candidate' } },
          h('span', { class: 'name' }, c.nominee.displayName),
          ' ',
          h('span', { class: 'meta' }, t(`memberType.${c.memberType}`)),
          ' ',
          h(
            'button',
            {
              type: 'button',
              dataset: { testid: 'rank-add' },
              'aria-label': t('ballot.add', { name: c.nominee.displayName }),
              onclick: () => {
                ranked.push(c);
                draw();
                announceRank(c);
                const next = poolList.querySelector('button') || section.querySelector('[data-testid="ballot-submit"]');
                if (next) next.focus();
              },
            },
            t('ballot.addShort'),
          ),
        ),
      ),
    );
  }

  const submit = h('button', { type: 'submit', class: 'primary', dataset: { testid: 'ballot-submit' } }, t('ballot.submit'));
  const formEl = h('form', { class: 'form', novalidate: true }, h('div', { class: 'actions' }, submit));
  formEl.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (!ranked.length) {
      showError({ type: 'invalid-input', problem: { title: t('ballot.empty') }, errors: [] });
      return;
    }
    await busy(formEl, async () => {
      try {
        const receipt = await api('POST', `/selection/rounds/${id}/ballots`, { ranking: ranked.map((c) => c.nominationId) });
        replace(section, receiptView(round, receipt, ranked));
        section.querySelector('h1').focus();
      } catch (err) {
        showError(err, formEl);
      }
    });
  });

  draw();
  const headingId = uid('ballot');
  replace(
    section,
    h('h1', { id: headingId }, t('ballot.title', { title: round.title })),
    h('p', { class: 'lead' }, t('ballot.lead', { seats: round.seats })),
    form.hasVoted
      ? h('p', { class: 'callout', dataset: { testid: 'ballot-already' } }, t('ballot.alreadyCast'))
      : [
          h('p', { class: 'hint' }, t('ballot.howTo')),
          h('h2', { id: 'ranked-h' }, t('ballot.yourRanking')),
          rankedList,
          h('h2', { id: 'pool-h' }, t('ballot.candidates')),
          poolList,
          live,
          formEl,
          h('p', { class: 'hint' }, t('ballot.secrecy')),
        ],
  );
  return section;
}

function receiptView(round, receipt, ranked) {
  return [
    h('h1', { tabindex: '-1' }, t('ballot.castTitle')),
    h('p', {}, t('ballot.castLead')),
    h('ol', {}, ranked.map((c) => h('li', {}, c.nominee.displayName))),
    h(
      'dl',
      { class: 'facts', dataset: { testid: 'ballot-receipt' } },
      h('dt', {}, t('ballot.receipt')),
      h('dd', { class: 'hash', dataset: { testid: 'ballot-receipt-hash' } }, receipt.receipt),
      h('dt', {}, t('ballot.nonce')),
      h('dd', { class: 'hash' }, receipt.nonce),
      h('dt', {}, t('ballot.rankingLine')),
      h('dd', {}, receipt.ranking),
    ),
    h('p', { class: 'hint' }, t('ballot.keepReceipt')),
    h('p', {}, h('a', { href: `#/rounds/${round.id}` }, t('ballot.back'))),
  ];
}

// ---- delegates ----

export async function delegatesView() {
  const delegates = await api('GET', '/selection/delegates?all=true');
  return h(
    'section',
    {},
    h('h1', {}, t('delegate.listTitle')),
    delegates.length
      ? h(
          'ul',
          { class: 'plain-list delegates', dataset: { testid: 'delegate-list' } },
          delegates.map((d) =>
            h(
              'li',
              { class: 'card', dataset: { testid: 'delegate' } },
              h('h2', {}, h('a', { href: `#/delegates/${d.id}` }, d.member.displayName), ' ', h('span', { class: `badge delegate-${d.status}` }, t(`delegate.status.${d.status}`))),
              h('p', { class: 'meta' }, [t(`memberType.${d.memberType}`), d.region, d.deviceLine].filter(Boolean).join(' · ')),
              h('p', { class: 'meta' }, h('a', { href: `#/rounds/${d.roundId}` }, d.roundTitle)),
              d.seatVacant ? h('p', { class: 'callout', dataset: { testid: 'seat-vacant' } }, t(d.status === 'ended' ? 'delegate.vacantEnded' : 'delegate.vacant')) : null,
            ),
          ),
        )
      : h('p', { class: 'empty' }, t('delegate.none')),
  );
}

export async function delegateView({ params }) {
  const d = await api('GET', `/selection/delegates/${params.id}`);
  const sign =
    signedIn() && d.status === 'serving' && d.recallThreshold > 0
      ? h(
          'button',
          {
            type: 'button',
            dataset: { testid: 'recall-sign' },
            onclick: async (e) => {
              e.currentTarget.disabled = true;
              try {
                await api('POST', `/selection/delegates/${d.id}/recall-signatures`);
                render({ keepFocus: true });
              } catch (err) {
                showError(err);
              }
            },
          },
          t('delegate.signRecall'),
        )
      : null;
  return h(
    'section',
    { dataset: { testid: 'delegate-profile' } },
    h('h1', {}, d.member.displayName),
    h('p', { class: 'meta' }, h('span', { class: `badge delegate-${d.status}` }, t(`delegate.status.${d.status}`)), ' ', [t(`memberType.${d.memberType}`), d.region, d.deviceLine].filter(Boolean).join(' · ')),
    h(
      'dl',
      { class: 'facts' },
      h('dt', {}, t('delegate.round')),
      h('dd', {}, h('a', { href: `#/rounds/${d.roundId}` }, d.roundTitle)),
      h('dt', {}, t('delegate.term')),
      h('dd', {}, `${formatDate(d.termStartsAt)} – ${formatDate(d.termEndsAt)}`),
      h('dt', {}, t('delegate.recall')),
      h('dd', {}, d.recallThreshold ? t('delegate.recallCount', { n: formatNumber(d.recallSignatures), of: formatNumber(d.recallThreshold) }) : t('delegate.noRecall')),
    ),
    sign,
    d.recallRoundId ? h('p', {}, h('a', { href: `#/rounds/${d.recallRoundId}` }, t('delegate.recallRound'))) : null,
    h('h2', {}, t('delegate.inquiries')),
    d.inquiries.length ? null : h('p', { class: 'empty' }, t('delegate.noInquiries')),
    h('h2', {}, t('delegate.sessions')),
    d.sessionsAttended.length ? null : h('p', { class: 'empty' }, t('delegate.noSessions')),
  );
}
