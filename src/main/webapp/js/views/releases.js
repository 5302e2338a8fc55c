// Releases (issue 3): this week's build for my device, build history with a chart, the
// "did this solve it?" prompts, the trusted-tester panel and the managers' controls.
import { h } from '../dom.js';
import { t, formatDate, formatNumber } from '../i18n.js';
import { api } from '../api.js';
import { session, signedIn, isManager, hasRole } from '../session.js';
import { showError, announce, clearMessages, flash } from '../messages.js';
import { field, busy, submitButton } from '../forms.js';
import { render, navigate } from '../router.js';

const TAGS = ['battery', 'camera', 'stability', 'performance', 'connectivity', 'display', 'audio', 'apps', 'other'];

function fixed(n, digits = 2) {
  return typeof n === 'number' ? n.toFixed(digits) : '–';
}

function pickDevice(devices, query) {
  const wanted = query && query.get ? query.get('device') : null;
  if (wanted) {
    const d = devices.find((x) => String(x.id) === wanted);
    if (d) return d;
  }
  const line = session.member && session.member.deviceLine ? session.member.deviceLine.toLowerCase() : '';
  return devices.find((d) => d.name.toLowerCase() === line) || devices[0];
}

async function optional(promise) {
  try {
    return await promise;
  } catch (e) {
    if (e.status === 404) return null;
    throw e;
  }
}

/** #/builds — this week's build for my device, prompts, tester panel, history. */
export async function releasesView({ query }) {
  const devices = await api('GET', '/devices');
  const section = h('section', { class: 'releases' }, h('h1', {}, t('rel.title')));
  if (!devices.length) {
    section.append(h('p', { class: 'empty' }, t('rel.noDevices')));
    return section;
  }
  const device = pickDevice(devices, query);
  const [current, history, prompts, tester, application] = await Promise.all([
    optional(api('GET', `/devices/${device.id}/current`)),
    api('GET', `/devices/${device.id}/builds`),
    signedIn() ? api('GET', '/me/ship-prompts') : Promise.resolve([]),
    signedIn() ? optional(api('GET', '/testers/me')) : Promise.resolve(null),
    signedIn() ? optional(api('GET', '/testers/applications/mine')) : Promise.resolve(null),
  ]);
  const select = field({
    name: 'device',
    label: t('rel.device'),
    type: 'select',
    testid: 'device-select',
    options: devices.map((d) => ({ value: d.id, label: d.name, selected: d.id === device.id })),
  });
  select.input.addEventListener('change', (e) => navigate(`/builds?device=${e.target.value}`));
  section.append(select.row);
  if (isManager()) {
    section.append(h('p', {}, h('a', { href: '#/builds/testers', dataset: { testid: 'manage-testers' } }, t('rel.manageTesters'))));
  }
  const open = prompts.filter((p) => p.solved === null || p.solved === undefined);
  if (prompts.length) section.append(promptsCard(prompts, open.length));
  section.append(h('h2', {}, t('rel.thisWeek')));
  section.append(current ? buildCard(current, { summary: true }) : h('p', { class: 'empty', dataset: { testid: 'no-build' } }, t('rel.noBuild')));
  if (tester) section.append(testerPanel(tester, history));
  if (signedIn()) {
    const card = applicationCard(device, tester, application);
    if (card) section.append(card);
  }
  section.append(historyCard(history));
  if (isManager()) section.append(publishForm(device));
  return section;
}

/** #/builds/:id — one build with the tester and manager controls. */
export async function buildView({ params }) {
  const build = await api('GET', `/builds/${encodeURIComponent(params.id)}`);
  const section = h('section', { class: 'releases' }, h('h1', {}, `${build.device.name} · ${build.version}`));
  section.append(buildCard(build, { summary: false }));
  const canSeeVerdicts = build.mine && (build.mine.tester || isManager() || hasRole('responder'));
  if (build.mine && build.mine.tester) section.append(verdictForm(build));
  if (canSeeVerdicts) {
    const verdicts = await optional(api('GET', `/builds/${build.id}/verdicts`));
    if (verdicts) section.append(verdictList(build, verdicts));
  }
  if (isManager()) {
    section.append(managerControls(build));
    section.append(await brigadeCard(build));
  }
  return section;
}

function promptsCard(prompts, openCount) {
  return h(
    'div',
    { class: 'card', dataset: { testid: 'ship-prompts' } },
    h('h2', {}, t('rel.prompts', { n: formatNumber(openCount) })),
    h(
      'ul',
      { class: 'plain-list' },
      prompts.map((p) =>
        h(
          'li',
          { dataset: { testid: 'ship-prompt', ideaId: p.idea.id } },
          h('p', {}, t('rel.promptText', { idea: p.idea.title, build: p.build.version, device: p.build.device })),
          h('p', { class: 'meta' }, t('rel.answers', { yes: formatNumber(p.yes), no: formatNumber(p.no) })),
          p.solved === null || p.solved === undefined
            ? null
            : h('p', { class: 'meta', dataset: { testid: 'prompt-answer' } }, p.solved ? t('rel.answeredYes') : t('rel.answeredNo')),
          h(
            'div',
            { class: 'actions' },
            h('button', { type: 'button', dataset: { testid: 'prompt-yes' }, onclick: () => answer(p, true) }, t('rel.yes')),
            ' ',
            h('button', { type: 'button', dataset: { testid: 'prompt-no' }, onclick: () => answer(p, false) }, t('rel.no')),
          ),
        ),
      ),
    ),
  );
}

async function answer(prompt, solved) {
  try {
    await api('POST', `/me/ship-prompts/${prompt.id}`, { solved });
    announce(t('rel.thanks'));
    render({ keepFocus: true });
  } catch (err) {
    showError(err);
  }
}

function buildCard(b, { summary }) {
  const s = b.score;
  const c = b.comparison;
  const card = h(
    'div',
    { class: 'card build-card', dataset: { testid: 'build-card', buildId: b.id } },
    summary ? h('h3', {}, h('a', { href: `#/builds/${b.id}`, dataset: { testid: 'build-link' } }, `${b.device.name} · ${b.version}`)) : null,
    b.notRecommended
      ? h('p', { class: 'banner danger', role: 'alert', dataset: { testid: 'not-recommended' } }, t('rel.notRecommended'))
      : null,
    b.verdict && b.verdict.override
      ? h(
          'p',
          { class: 'banner', dataset: { testid: 'override' } },
          t(`rel.override.${b.verdict.override.decision}`),
          ': ',
          b.verdict.override.reason,
        )
      : null,
    h(
      'p',
      { class: 'meta' },
      h('span', { class: 'badge', dataset: { testid: 'channel' } }, t(`rel.channel.${b.channel}`)),
      ' · ',
      t('rel.released', { date: formatDate(b.releaseAt) }),
      ' · ',
      t('rel.rollout', { percent: formatNumber(b.rollout.offeredPercent) }),
      b.rollout.halted ? [' · ', h('span', { class: 'badge', dataset: { testid: 'halted' } }, t('rel.halted'))] : null,
    ),
    h(
      'ul',
      { class: 'changelog' },
      b.changelog.map((line) =>
        h(
          'li',
          {},
          line.text,
          line.idea
            ? [
                ' — ',
                h('a', { href: `#/ideas/${line.idea.id}` }, line.idea.title),
                ` (${t('rel.answers', { yes: formatNumber(line.idea.solvedYes), no: formatNumber(line.idea.solvedNo) })})`,
              ]
            : null,
        ),
      ),
    ),
    h(
      'div',
      { class: 'score', dataset: { testid: 'score' } },
      h('p', { class: 'big' }, t('rel.score', { score: fixed(s.lowerBound), mean: fixed(s.mean), n: formatNumber(s.count) })),
      distribution(s.distribution),
      s.late || s.excluded ? h('p', { class: 'hint' }, t('rel.lateExcluded', { late: formatNumber(s.late), excluded: formatNumber(s.excluded) })) : null,
      c
        ? h(
            'p',
            { class: 'hint', dataset: { testid: 'comparison' } },
            t('rel.comparison', {
              previous: c.previous.version,
              mean: fixed(c.previousMean),
              p: formatNumber(Math.round((c.probabilityWorse ?? 0) * 100)),
              lastFour: fixed(c.lastFourMean),
              k: formatNumber(c.lastFourBuilds),
            }),
          )
        : null,
    ),
    verdictSummary(b),
    b.followUp
      ? h(
          'p',
          { class: 'hint', dataset: { testid: 'follow-up' } },
          t('rel.followUp', { due: formatDate(b.followUp.dueAt) }),
          ' ',
          b.followUp.summary,
          b.followUp.resolution ? [' — ', t('rel.resolved'), ': ', b.followUp.resolution] : null,
        )
      : null,
  );
  if (signedIn()) card.append(mineSection(b));
  return card;
}

function distribution(counts) {
  const total = counts.reduce((a, n) => a + n, 0) || 1;
  return h(
    'ol',
    { class: 'stars-dist', 'aria-label': t('rel.distribution') },
    [5, 4, 3, 2, 1].map((k) =>
      h('li', {}, `${k}★ `, h('meter', { min: 0, max: total, value: counts[k - 1], 'aria-label': `${k}★` }), ` ${formatNumber(counts[k - 1])}`),
    ),
  );
}

function verdictSummary(b) {
  const v = b.verdict;
  return h(
    'p',
    { class: 'hint', dataset: { testid: 'verdict-summary', state: v.state } },
    t(`rel.verdict.${v.state}`),
    ' · ',
    t('rel.tally', { good: formatNumber(v.good), bad: formatNumber(v.bad), min: formatNumber(v.minimumBad), p0: formatNumber(v.confirmedP0), fast: formatNumber(v.fastTrackReports) }),
    v.reason ? [' — ', v.reason] : null,
  );
}

function mineSection(b) {
  const mine = b.mine || {};
  const box = h('div', { class: 'mine' });
  if (!mine.installedAt) {
    box.append(
      h(
        'button',
        {
          type: 'button',
          class: 'primary',
          dataset: { testid: 'install' },
          onclick: async () => {
            try {
              await api('POST', `/builds/${b.id}/install`, {});
              announce(t('rel.installed'));
              render({ keepFocus: true });
            } catch (err) {
              showError(err);
            }
          },
        },
        t('rel.install'),
      ),
    );
    return box;
  }
  box.append(h('p', { class: 'hint', dataset: { testid: 'installed' } }, t('rel.installedAt', { date: formatDate(mine.installedAt), from: formatDate(mine.canRateFrom) })));
  if (mine.rating) {
    box.append(h('p', { dataset: { testid: 'my-rating' } }, t('rel.myRating', { stars: formatNumber(mine.rating.stars) }), mine.rating.late ? ` (${t('rel.late')})` : ''));
  }
  box.append(rateForm(b, mine.rating));
  return box;
}

function rateForm(b, rating) {
  const stars = field({
    name: 'stars',
    label: t('rel.stars'),
    type: 'select',
    testid: 'rate-stars',
    options: [5, 4, 3, 2, 1].map((k) => ({ value: k, label: `${k}★`, selected: rating ? rating.stars === k : k === 4 })),
  });
  const comment = field({ name: 'comment', label: t('rel.comment'), type: 'textarea', maxlength: 2000, testid: 'rate-comment' });
  if (rating && rating.comment) comment.input.value = rating.comment;
  const tags = h(
    'fieldset',
    { class: 'tags' },
    h('legend', {}, t('rel.tags')),
    TAGS.map((tag) =>
      h('label', {}, h('input', { type: 'checkbox', name: 'tag', value: tag, checked: rating && rating.tags.includes(tag) }), ' ', t(`rel.tag.${tag}`)),
    ),
  );
  const form = h('form', { class: 'rate-form', dataset: { testid: 'rate-form' } }, stars.row, comment.row, tags, submitButton(rating ? t('rel.changeRating') : t('rel.rate'), 'rate-submit'));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    await busy(form, async () => {
      try {
        const chosen = [...form.querySelectorAll('input[name=tag]:checked')].map((i) => i.value);
        await api('POST', `/builds/${b.id}/ratings`, { stars: Number(stars.input.value), comment: comment.input.value || null, tags: chosen });
        announce(t('rel.rated'));
        render({ keepFocus: true });
      } catch (err) {
        showError(err, form);
      }
    });
  });
  return form;
}

function testerPanel(tester, history) {
  const early = history.builds.filter((b) => b.channel === 'trusted');
  return h(
    'div',
    { class: 'card', dataset: { testid: 'tester-panel', status: tester.status } },
    h('h2', {}, t('rel.testerPanel')),
    h('p', {}, t(tester.status === 'removed' && !tester.coolDownUntil ? 'rel.tester.removedNoCoolDown' : `rel.tester.${tester.status}`, { device: tester.device.name, until: tester.coolDownUntil ? formatDate(tester.coolDownUntil) : '' })),
    tester.removalReason ? h('p', { class: 'hint' }, tester.removalReason) : null,
    tester.warned
      ? h('p', { class: 'banner', dataset: { testid: 'tester-warning' } }, t('rel.tester.warned', { missed: formatNumber(tester.missedInARow), n: formatNumber(tester.missedToRemove) }))
      : null,
    h('p', { class: 'hint' }, t('rel.activityRule', { n: formatNumber(tester.missedToRemove), given: formatNumber(tester.recentVerdicts.filter((x) => x).length), of: formatNumber(tester.recentVerdicts.length) })),
    early.length
      ? h('ul', { class: 'plain-list' }, early.map((b) => h('li', {}, h('a', { href: `#/builds/${b.id}`, dataset: { testid: 'early-build' } }, b.version), ` · ${t('rel.released', { date: formatDate(b.releaseAt) })}`)))
      : h('p', { class: 'empty' }, t('rel.noEarly')),
  );
}

/**
 * Becoming a tester, for a member who is not one: their latest application's outcome (waiting, or
 * declined with the manager's reason) and, when they may apply, the form to apply for this device.
 * A declined member may apply again at once; a removed tester only after the cool-down.
 */
function applicationCard(device, tester, application) {
  if (tester && tester.status === 'active') return null;
  // An application from before the last invitation belongs to that earlier membership.
  const latest = application && !(tester && new Date(application.appliedAt) < new Date(tester.invitedAt)) ? application : null;
  const coolingDown = tester && tester.coolDownUntil && new Date(tester.coolDownUntil) > new Date();
  const box = h('div', { class: 'card', dataset: { testid: 'tester-application-card' } }, h('h2', { tabindex: '-1', dataset: { testid: 'tester-application-heading' } }, t('rel.becomeTester')));
  if (latest && latest.outcome === 'open') {
    box.append(h('p', { dataset: { testid: 'tester-application', outcome: 'open' } }, t('rel.application.open', { device: latest.device.name, date: formatDate(latest.appliedAt) })));
    return box;
  }
  if (latest && latest.outcome === 'declined') {
    box.append(
      h(
        'div',
        { dataset: { testid: 'tester-application', outcome: 'declined' } },
        h('p', {}, t('rel.application.declined', { device: latest.device.name, date: formatDate(latest.decidedAt) })),
        h('p', { class: 'hint' }, `${t('rel.application.reason')}: `, h('span', { dataset: { testid: 'tester-application-reason' } }, latest.declineReason)),
        coolingDown ? null : h('p', {}, t('rel.application.again')),
      ),
    );
  }
  if (coolingDown) return latest ? box : null;
  box.append(applyForm(device, tester));
  return box;
}

function applyForm(device, tester) {
  const motivation = field({ name: 'motivation', label: t('rel.motivation'), hint: t('rel.motivationHint'), type: 'textarea', maxlength: 1000, rows: 3, testid: 'tester-motivation' });
  const form = h('form', { class: 'form', dataset: { testid: 'tester-apply-form' } }, motivation.row, submitButton(tester && tester.device.id === device.id ? t('rel.applyAgain') : t('rel.apply', { device: device.name }), 'tester-apply'));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearMessages(form);
    await busy(form, async () => {
      try {
        await api('POST', '/testers/applications', { deviceId: device.id, motivation: motivation.input.value.trim() || null });
        flash(t('rel.applied'));
        await render({ keepFocus: true });
        const heading = document.querySelector('[data-testid="tester-application-heading"]');
        if (heading) heading.focus();
      } catch (err) {
        showError(err, form);
      }
    });
  });
  return form;
}

function verdictForm(b) {
  const verdict = field({ name: 'verdict', label: t('rel.verdict'), type: 'select', testid: 'verdict-choice', options: [{ value: 'good', label: t('rel.good') }, { value: 'bad', label: t('rel.bad') }] });
  const severity = field({ name: 'severity', label: t('rel.severity'), type: 'select', testid: 'verdict-severity', hint: t('rel.severityHint'), options: [{ value: '', label: '–' }, ...['P0', 'P1', 'P2', 'P3'].map((s) => ({ value: s, label: s }))] });
  const evidence = field({ name: 'evidence', label: t('rel.evidence'), type: 'textarea', required: true, maxlength: 2000, testid: 'verdict-evidence' });
  const logRef = field({ name: 'logRef', label: t('rel.logRef'), maxlength: 300, testid: 'verdict-log' });
  const form = h('form', { class: 'card', dataset: { testid: 'verdict-form' } }, h('h2', {}, t('rel.giveVerdict')), verdict.row, severity.row, evidence.row, logRef.row, submitButton(t('rel.submitVerdict'), 'verdict-submit'));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    await busy(form, async () => {
      try {
        await api('POST', `/builds/${b.id}/verdicts`, {
          verdict: verdict.input.value,
          severity: verdict.input.value === 'bad' ? severity.input.value || null : null,
          evidence: evidence.input.value,
          logRef: logRef.input.value || null,
        });
        announce(t('rel.verdictSaved'));
        render({ keepFocus: true });
      } catch (err) {
        showError(err, form);
      }
    });
  });
  return form;
}

function verdictList(b, verdicts) {
  const engineer = isManager() || hasRole('responder');
  return h(
    'div',
    { class: 'card', dataset: { testid: 'verdicts' } },
    h('h2', {}, t('rel.verdicts')),
    h(
      'ul',
      { class: 'plain-list' },
      verdicts.map((v) =>
        h(
          'li',
          {},
          h('strong', {}, `${v.tester}: ${t(`rel.${v.verdict}`)}${v.severity ? ` (${v.severity})` : ''}`),
          ' ',
          v.evidence,
          v.logRef ? ` [${v.logRef}]` : '',
          v.confirmed ? [' · ', t('rel.confirmed')] : null,
          engineer && v.severity === 'P0' && !v.confirmed
            ? h('button', { type: 'button', onclick: () => post(`/builds/${b.id}/verdicts/${v.testerId}/confirmation`, undefined) }, t('rel.confirm'))
            : null,
        ),
      ),
    ),
  );
}

async function post(path, body) {
  try {
    await api('POST', path, body);
    announce(t('rel.saved'));
    render({ keepFocus: true });
  } catch (err) {
    showError(err);
  }
}

function reasonForm(label, testid, onSubmit, extra) {
  const reason = field({ name: 'reason', label: t('rel.reason'), required: true, maxlength: 1000, testid: `${testid}-reason` });
  const form = h('form', { class: 'inline-form', dataset: { testid } }, extra ? extra.row : null, reason.row, submitButton(label, `${testid}-submit`));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    await busy(form, () => onSubmit(reason.input.value, extra ? extra.input.value : null));
  });
  return form;
}

function managerControls(b) {
  const box = h('div', { class: 'card', dataset: { testid: 'manager-controls' } }, h('h2', {}, t('rel.managerControls')));
  box.append(
    b.rollout.halted
      ? reasonForm(t('rel.resume'), 'resume', (reason) => post(`/builds/${b.id}/rollout/resume`, { reason }))
      : reasonForm(t('rel.halt'), 'halt', (reason) => post(`/builds/${b.id}/rollout/halt`, { reason })),
  );
  if (b.verdict.state === 'bad') {
    const decision = field({ name: 'decision', label: t('rel.overrideDecision'), type: 'select', testid: 'override-decision', options: [{ value: 'ship_anyway', label: t('rel.override.ship_anyway') }, { value: 'clear_verdict', label: t('rel.override.clear_verdict') }] });
    box.append(reasonForm(t('rel.overrideSubmit'), 'override-form', (reason, d) => post(`/builds/${b.id}/override`, { decision: d, reason }), decision));
  }
  if (b.followUp && !b.followUp.resolution) {
    const res = field({ name: 'resolution', label: t('rel.resolution'), required: true, maxlength: 1000 });
    const form = h('form', { class: 'inline-form' }, res.row, submitButton(t('rel.resolve')));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      post(`/builds/${b.id}/follow-up/resolution`, { resolution: res.input.value });
    });
    box.append(form);
  }
  return box;
}

async function brigadeCard(b) {
  const days = await api('GET', `/builds/${b.id}/brigades`);
  return h(
    'div',
    { class: 'card', dataset: { testid: 'brigades' } },
    h('h2', {}, t('rel.brigades')),
    days.length
      ? h(
          'ul',
          { class: 'plain-list' },
          days.map((d) =>
            h(
              'li',
              {},
              t('rel.brigadeDay', { day: d.day, n: formatNumber(d.count), threshold: fixed(d.threshold, 1) }),
              d.decision
                ? [' · ', t(`rel.brigade.${d.decision}`), ': ', d.note]
                : [
                    ' ',
                    reasonForm(t('rel.brigade.brigade'), `brigade-${d.day}`, (note) => post(`/builds/${b.id}/brigades/${d.day}`, { decision: 'brigade', note })),
                    reasonForm(t('rel.brigade.genuine'), `genuine-${d.day}`, (note) => post(`/builds/${b.id}/brigades/${d.day}`, { decision: 'genuine', note })),
                  ],
            ),
          ),
        )
      : h('p', { class: 'empty' }, t('rel.noBrigades')),
  );
}

function historyCard(history) {
  return h(
    'div',
    { class: 'card', dataset: { testid: 'build-history' } },
    h('h2', {}, t('rel.history')),
    history.rollingScore !== null && history.rollingScore !== undefined
      ? h('p', { dataset: { testid: 'rolling-score' } }, t('rel.rolling', { score: fixed(history.rollingScore), n: formatNumber(history.rollingBuilds) }))
      : null,
    chart(history.builds.slice().reverse()),
    h(
      'ol',
      { class: 'plain-list' },
      history.builds.map((b) =>
        h(
          'li',
          { dataset: { testid: 'history-item', verdict: b.verdict } },
          h('a', { href: `#/builds/${b.id}` }, b.version),
          ` · ${formatDate(b.releaseAt)} · ${t('rel.score', { score: fixed(b.lowerBound), mean: fixed(b.mean), n: formatNumber(b.count) })}`,
          b.notRecommended ? [' · ', h('span', { class: 'badge danger' }, t('rel.notRecommendedShort'))] : null,
        ),
      ),
    ),
  );
}

const SVG = 'http://www.w3.org/2000/svg';
function s(tag, attrs, ...children) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  children.forEach((c) => el.append(c));
  return el;
}

/** Scores (lower bound, 1–5) over time as an inline SVG line; bad builds as red squares. */
function chart(builds) {
  if (builds.length < 1) return null;
  const w = 320;
  const hgt = 120;
  const pad = 20;
  const x = (i) => pad + (builds.length === 1 ? (w - 2 * pad) / 2 : (i * (w - 2 * pad)) / (builds.length - 1));
  const y = (v) => hgt - pad - ((v - 1) / 4) * (hgt - 2 * pad);
  const svg = s('svg', { viewBox: `0 0 ${w} ${hgt}`, role: 'img', class: 'score-chart', 'data-testid': 'score-chart' });
  svg.append(s('title', {}, t('rel.chartTitle')));
  [1, 3, 5].forEach((v) => {
    svg.append(s('line', { x1: pad, x2: w - pad, y1: y(v), y2: y(v), stroke: '#c9cbd0' }));
    svg.append(s('text', { x: 2, y: y(v) + 4, 'font-size': 10, fill: '#50545c' }, String(v)));
  });
  svg.append(s('polyline', { points: builds.map((b, i) => `${x(i)},${y(b.lowerBound)}`).join(' '), fill: 'none', stroke: '#b03a00', 'stroke-width': 2 }));
  builds.forEach((b, i) => {
    const bad = b.verdict === 'bad';
    const mark = bad
      ? s('rect', { x: x(i) - 5, y: y(b.lowerBound) - 5, width: 10, height: 10, fill: '#a4161a' })
      : s('circle', { cx: x(i), cy: y(b.lowerBound), r: 4, fill: '#17603a' });
    mark.append(s('title', {}, `${b.version}: ${fixed(b.lowerBound)}${bad ? ` · ${t('rel.notRecommendedShort')}` : ''}`));
    svg.append(mark);
  });
  return svg;
}

function publishForm(device) {
  const version = field({ name: 'version', label: t('rel.version'), required: true, maxlength: 60, testid: 'publish-version' });
  const release = field({ name: 'releaseAt', label: t('rel.releaseAt'), type: 'datetime-local', required: true, testid: 'publish-release' });
  const lines = field({ name: 'changelog', label: t('rel.changelog'), type: 'textarea', required: true, hint: t('rel.changelogHint'), testid: 'publish-changelog' });
  const form = h('form', { class: 'card', dataset: { testid: 'publish-form' } }, h('h2', {}, t('rel.publish', { device: device.name })), version.row, release.row, lines.row, submitButton(t('rel.publishSubmit'), 'publish-submit'));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    await busy(form, async () => {
      try {
        const changelog = lines.input.value
          .split('\n')
          .map((l) => l.trim())
          .filter(Boolean)
          .map((l) => {
            const m = l.match(/#(\d+)\s*$/);
            return m ? { text: l.replace(/#\d+\s*$/, '').trim() || l, ideaId: Number(m[1]) } : { text: l };
          });
        const built = await api('POST', '/builds', { deviceId: device.id, version: version.input.value, releaseAt: new Date(release.input.value).toISOString(), changelog });
        navigate(`/builds/${built.id}`);
      } catch (err) {
        showError(err, form);
      }
    });
  });
  return form;
}
