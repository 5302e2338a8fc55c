// Trusted testers (issue 3), the community managers' screen: open applications to invite or
// decline with a reason, the testers of each device with their recent verdicts and standing
// (active, warned, removed with its cool-down) to remove with a reason, and inviting a member.
import { h } from '../dom.js';
import { t, formatDate, formatNumber } from '../i18n.js';
import { api } from '../api.js';
import { showError, clearMessages, flash } from '../messages.js';
import { field, busy, submitButton, requiredNote } from '../forms.js';
import { render } from '../router.js';
import { peoplePicker } from './people.js';

/** #/builds/testers (community managers). */
export async function testersView() {
  const [devices, applications, testers] = await Promise.all([api('GET', '/devices'), api('GET', '/testers/applications'), api('GET', '/testers')]);
  return h(
    'section',
    { class: 'releases testers' },
    h('p', { class: 'back' }, h('a', { href: '#/builds', dataset: { testid: 'back-to-builds' } }, t('testers.back'))),
    h('h1', {}, t('testers.title')),
    h('p', { class: 'lead' }, t('testers.lead')),
    applicationsCard(applications, devices),
    inviteCard(devices),
    devices.map((d) => deviceCard(d, testers.filter((x) => x.device.id === d.id))),
  );
}

/** Shows the page again with the news announced, and puts focus back where the manager works. */
async function after(message, focusTestId) {
  flash(message);
  await render({ keepFocus: true });
  const target = focusTestId && document.querySelector(`[data-testid="${focusTestId}"]`);
  if (target) target.focus();
}

function heading(level, testid, ...text) {
  return h(level, { tabindex: '-1', dataset: { testid } }, ...text);
}

function applicationsCard(applications, devices) {
  return h(
    'div',
    { class: 'card', dataset: { testid: 'tester-applications' } },
    heading('h2', 'tester-applications-heading', t('testers.applications', { n: formatNumber(applications.length) })),
    applications.length
      ? h('ol', { class: 'plain-list' }, applications.map((a) => applicationItem(a, devices)))
      : h('p', { class: 'empty', dataset: { testid: 'tester-applications-empty' } }, t('testers.noApplications')),
  );
}

function applicationItem(a, devices) {
  const who = a.displayName || t('testers.member', { id: a.memberId });
  const invite = h('form', { class: 'inline-form', dataset: { testid: 'application-invite-form' } }, submitButton(t('testers.invite', { name: who }), 'application-invite'));
  invite.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearMessages(invite);
    await busy(invite, async () => {
      try {
        await api('POST', '/testers', { memberId: a.memberId, deviceId: a.device.id });
        await after(t('testers.invited', { name: who, device: a.device.name }), 'tester-applications-heading');
      } catch (err) {
        showError(err, invite);
      }
    });
  });
  const reason = field({ name: 'reason', label: t('testers.declineReason'), hint: t('testers.declineHint'), required: true, maxlength: 1000, testid: 'application-decline-reason' });
  const decline = h('form', { class: 'inline-form', novalidate: true, dataset: { testid: 'application-decline-form' } }, reason.row, submitButton(t('testers.decline'), 'application-decline'));
  decline.querySelector('button[type="submit"]').classList.remove('primary');
  decline.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearMessages(decline);
    await busy(decline, async () => {
      try {
        await api('POST', `/testers/applications/${a.id}/decline`, { reason: reason.input.value });
        await after(t('testers.declined', { name: who }), 'tester-applications-heading');
      } catch (err) {
        showError(err, decline);
      }
    });
  });
  return h(
    'li',
    { class: 'card', dataset: { testid: 'tester-application', applicationId: a.id, memberId: a.memberId } },
    h('h3', {}, who, ' ', h('span', { class: 'meta' }, `#${a.memberId}`)),
    h('p', { class: 'meta' }, t('testers.appliedFor', { device: a.device.name, date: formatDate(a.appliedAt) })),
    a.motivation ? h('blockquote', { dataset: { testid: 'application-motivation' } }, a.motivation) : h('p', { class: 'hint' }, t('testers.noMotivation')),
    h('div', { class: 'actions' }, invite, decline),
  );
}

function inviteCard(devices) {
  const picker = peoplePicker({ name: 'member', label: t('testers.findMember'), hint: t('testers.findMemberHint'), role: 'member', single: true, testid: 'invite-member' });
  const memberId = field({ name: 'memberId', label: t('testers.memberId'), type: 'number', min: 1, step: 1, inputmode: 'numeric', testid: 'invite-member-id' });
  const device = field({ name: 'deviceId', label: t('rel.device'), type: 'select', required: true, testid: 'invite-device', options: devices.map((d) => ({ value: d.id, label: d.name })) });
  const form = h('form', { class: 'card form', novalidate: true, dataset: { testid: 'tester-invite-form' } }, h('h2', {}, t('testers.inviteTitle')), requiredNote(), picker.row, memberId.row, device.row, submitButton(t('testers.inviteSubmit'), 'invite-submit'));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearMessages(form);
    const chosen = picker.input.value || memberId.input.value.trim();
    if (!chosen) {
      showError({ problem: { title: t('testers.chooseMember') }, errors: [{ field: 'memberId', message: t('testers.chooseMember') }] }, form);
      return;
    }
    await busy(form, async () => {
      try {
        await api('POST', '/testers', { memberId: Number(chosen), deviceId: Number(device.input.value) });
        const name = devices.find((d) => String(d.id) === device.input.value);
        await after(t('testers.invitedId', { id: chosen, device: name ? name.name : '' }), `tester-device-heading-${device.input.value}`);
      } catch (err) {
        showError(err, form);
      }
    });
  });
  return form;
}

function deviceCard(device, testers) {
  const active = testers.filter((x) => x.status === 'active');
  const removed = testers.filter((x) => x.status !== 'active');
  return h(
    'div',
    { class: 'card', dataset: { testid: 'tester-device', deviceId: device.id } },
    heading('h2', `tester-device-heading-${device.id}`, t('testers.ofDevice', { device: device.name, n: formatNumber(active.length) })),
    active.length ? h('ul', { class: 'plain-list' }, active.map(testerItem)) : h('p', { class: 'empty' }, t('testers.none')),
    removed.length
      ? h('details', {}, h('summary', {}, t('testers.removedList', { n: formatNumber(removed.length) })), h('ul', { class: 'plain-list' }, removed.map(testerItem)))
      : null,
  );
}

function standing(x) {
  if (x.status !== 'active') return 'removed';
  return x.warned ? 'warned' : 'active';
}

function testerItem(x) {
  const state = standing(x);
  const who = x.displayName || t('testers.member', { id: x.memberId });
  const builds = x.recentBuilds || [];
  return h(
    'li',
    { class: 'card', dataset: { testid: 'tester-row', memberId: x.memberId, status: state } },
    h('h3', {}, who, ' ', h('span', { class: 'meta' }, `#${x.memberId}`), ' ', h('span', { class: `badge${state === 'active' ? '' : ' danger'}`, dataset: { testid: 'tester-status' } }, t(`testers.status.${state}`))),
    h('p', { class: 'meta' }, t('testers.since', { date: formatDate(x.invitedAt) })),
    state === 'warned' ? h('p', { class: 'hint', dataset: { testid: 'tester-warning' } }, t('testers.warned', { missed: formatNumber(x.missedInARow), n: formatNumber(x.missedToRemove) })) : null,
    state === 'removed'
      ? h(
          'p',
          { class: 'hint', dataset: { testid: 'tester-removal' } },
          t('testers.removedOn', { date: formatDate(x.removedAt) }),
          x.removalReason ? [' ', x.removalReason] : null,
          ' ',
          x.coolDownUntil ? t('testers.coolDownUntil', { date: formatDate(x.coolDownUntil) }) : t('testers.noCoolDown'),
        )
      : null,
    state === 'removed'
      ? null
      : builds.length
        ? h(
            'ul',
            { class: 'recent-builds', 'aria-label': t('testers.recent'), dataset: { testid: 'tester-recent' } },
            builds.map((b) =>
              h('li', { dataset: { verdict: b.verdict || 'none' } }, h('a', { href: `#/builds/${b.buildId}` }, b.version), ': ', b.verdict ? t(`rel.${b.verdict}`) : h('strong', {}, t('testers.noVerdict'))),
            ),
          )
        : h('p', { class: 'hint' }, t('testers.noClosedBuilds')),
    state === 'removed' ? null : removeForm(x, who),
  );
}

function removeForm(x, who) {
  const reason = field({ name: 'reason', label: t('testers.removeReason'), required: true, maxlength: 1000, testid: 'tester-remove-reason' });
  const days = field({ name: 'coolDownDays', label: t('testers.coolDownDays'), hint: t('testers.coolDownDaysHint'), type: 'number', min: 0, max: 365, step: 1, inputmode: 'numeric', testid: 'tester-remove-days' });
  const form = h('form', { class: 'inline-form', novalidate: true, dataset: { testid: 'tester-remove-form' } }, reason.row, days.row, submitButton(t('testers.remove', { name: who }), 'tester-remove'));
  // Folded away: the list stays readable, and the summary is a native, keyboard-operable toggle.
  const disclosure = h('details', { class: 'remove-tester' }, h('summary', { dataset: { testid: 'tester-remove-toggle' } }, t('testers.removeToggle', { name: who })), form);
  form.querySelector('button[type="submit"]').classList.remove('primary');
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearMessages(form);
    const body = { reason: reason.input.value };
    if (days.input.value.trim() !== '') body.coolDownDays = Number(days.input.value);
    await busy(form, async () => {
      try {
        await api('POST', `/testers/${x.memberId}/removal`, body);
        await after(t('testers.removed', { name: who }), `tester-device-heading-${x.device.id}`);
      } catch (err) {
        showError(err, form);
      }
    });
  });
  return disclosure;
}
