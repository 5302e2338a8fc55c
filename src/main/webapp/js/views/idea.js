// One idea: its text, vote toggle with the weekly budget, follow, flag, status history,
// clarifications, comments, and for community managers the status change and merge forms.
import { h, replace } from '../dom.js';
import { t, tn, statusName, formatDate, formatNumber } from '../i18n.js';
import { api } from '../api.js';
import { session, signedIn, isManager, setRemaining, onSessionChange } from '../session.js';
import { showError, announce, clearMessages, flash } from '../messages.js';
import { field, busy, submitButton } from '../forms.js';
import { navigate, render, signInPath } from '../router.js';
import { statusBadge, CLOSED, itemsOf, memberName } from './common.js';
import { loadBudget } from '../budget.js';

// Lifecycle steps a community manager may take (docs/api.md); duplicate is reached by merging.
const NEXT_STEPS = {
  open: ['under_review', 'declined'],
  under_review: ['planned', 'declined', 'open'],
  planned: ['in_progress', 'declined'],
  in_progress: ['shipped', 'planned'],
  shipped: ['verified'],
};

const COMMENTS_SHOWN = 100;

// The vote panel of the idea on screen follows budget changes (e.g. the budget arriving late).
let refreshVotePanel = null;
onSessionChange(() => {
  if (refreshVotePanel) refreshVotePanel();
});

export async function ideaView({ params }) {
  const id = params.id;
  const idea = await api('GET', `/ideas/${encodeURIComponent(id)}`);
  const me = session.member;
  const isAuthor = !!me && !!idea.author && idea.author.id === me.id;

  const section = h(
    'article',
    { class: 'idea-detail', dataset: { testid: 'idea-detail', ideaId: idea.id } },
    h('p', { class: 'back' }, h('a', { href: '#/' }, t('idea.back'))),
    h('h1', { dataset: { testid: 'idea-title' } }, idea.title),
    h(
      'p',
      { class: 'meta' },
      statusBadge(idea.status),
      ' ',
      t('idea.by', { name: memberName(idea.author) }),
      idea.createdAt ? ` · ${formatDate(idea.createdAt)}` : null,
      ` · ${t('idea.number', { id: idea.id })}`,
    ),
    statusDetails(idea),
    h('div', { class: 'idea-layout' }, h('div', { class: 'idea-content' }, body(idea, isAuthor)), h('aside', { class: 'idea-side', 'aria-label': t('idea.actions') }, votePanel(idea), followPanel(idea), flagPanel(idea))),
    clarifications(idea, isAuthor),
    history(idea),
    await comments(idea),
    isManager() ? managerTools(idea) : null,
  );
  return section;
}

function statusDetails(idea) {
  const rows = [];
  if (idea.statusReason) rows.push(h('p', { dataset: { testid: 'status-reason' } }, h('strong', {}, t('idea.statusReason')), ' ', idea.statusReason));
  if (idea.targetBuild) rows.push(h('p', { dataset: { testid: 'target-build' } }, h('strong', {}, t('idea.targetBuild')), ' ', idea.targetBuild));
  if (idea.mergedInto) {
    const into = typeof idea.mergedInto === 'object' ? idea.mergedInto.id : idea.mergedInto;
    rows.push(
      h('p', { dataset: { testid: 'merged-into' } }, t('idea.mergedInto'), ' ', h('a', { href: `#/ideas/${encodeURIComponent(into)}` }, t('idea.number', { id: into }))),
    );
  }
  return rows.length ? h('div', { class: 'status-details notice' }, rows) : null;
}

function body(idea, isAuthor) {
  const text = h('div', { class: 'idea-body', dataset: { testid: 'idea-body' } }, idea.body);
  const frozen = idea.textFrozen ? h('p', { class: 'notice frozen', dataset: { testid: 'text-frozen' } }, t('idea.textFrozen')) : null;
  if (!isAuthor || idea.textFrozen || CLOSED.has(idea.status)) return [text, frozen];

  const title = field({ name: 'title', label: t('submit.titleLabel'), required: true, minlength: 5, maxlength: 140, value: idea.title, testid: 'edit-title' });
  const bodyField = field({ name: 'body', label: t('submit.bodyLabel'), type: 'textarea', required: true, minlength: 10, maxlength: 8000, rows: 8, testid: 'edit-body' });
  bodyField.input.value = idea.body;
  const form = h('form', { class: 'form', hidden: true, novalidate: true, dataset: { testid: 'edit-form' } }, title.row, bodyField.row, h('div', { class: 'actions' }, submitButton(t('idea.saveEdit'), 'edit-submit')));
  const toggle = h('button', { type: 'button', 'aria-expanded': 'false', dataset: { testid: 'edit-toggle' } }, t('idea.edit'));
  toggle.addEventListener('click', () => {
    form.hidden = !form.hidden;
    toggle.setAttribute('aria-expanded', String(!form.hidden));
    if (!form.hidden) title.input.focus();
  });
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearMessages(form);
    await busy(form, async () => {
      try {
        await api('PATCH', `/ideas/${idea.id}`, { title: title.input.value.trim(), body: bodyField.input.value });
        flash(t('idea.saved'));
        render();
      } catch (err) {
        showError(err, form);
      }
    });
  });
  return [text, h('p', { class: 'hint' }, t('idea.editableUntilVote')), toggle, form];
}

function votePanel(idea) {
  const closed = CLOSED.has(idea.status);
  let voted = !!idea.myVote;
  let votes = idea.votes ?? 0;

  const count = h('span', { class: 'count', dataset: { testid: 'idea-votes' } });
  const unit = h('span', { class: 'unit' });
  const button = h('button', { type: 'button', class: 'vote-button', dataset: { testid: 'vote-button' } }, h('span', { 'aria-hidden': 'true' }, '▲ '), t('vote.button'));
  const hint = h('p', { class: 'hint', dataset: { testid: 'vote-hint' }, id: 'vote-hint' });
  const budgetLine = h('p', { class: 'budget-line', dataset: { testid: 'vote-budget' } });
  button.setAttribute('aria-describedby', 'vote-hint');

  function update() {
    replace(count, formatNumber(votes));
    replace(unit, tn('idea.votesUnit', votes));
    button.setAttribute('aria-pressed', String(voted));
    const remaining = session.budget && typeof session.budget.remaining === 'number' ? session.budget.remaining : null;
    const exhausted = !voted && remaining === 0;
    button.disabled = closed || !signedIn() || exhausted;
    if (closed) replace(hint, t('vote.closed'));
    else if (voted) replace(hint, t('vote.votedHint'));
    else if (exhausted) replace(hint, t('vote.exhausted'));
    else replace(hint, t('vote.hint'));
    if (remaining === null) {
      budgetLine.hidden = true;
    } else {
      budgetLine.hidden = false;
      replace(budgetLine, tn('budget.remaining', remaining, { limit: formatNumber(session.budget.limit ?? 0) }));
    }
  }

  button.addEventListener('click', async () => {
    clearMessages();
    button.disabled = true;
    button.setAttribute('aria-busy', 'true');
    try {
      const answer = voted
        ? await api('DELETE', `/ideas/${idea.id}/votes/mine`)
        : await api('POST', `/ideas/${idea.id}/votes`);
      voted = !voted;
      if (answer && typeof answer.votes === 'number') votes = answer.votes;
      if (answer && typeof answer.remaining === 'number') setRemaining(answer.remaining);
      announce(voted ? t('vote.cast') : t('vote.withdrawn'));
    } catch (err) {
      if (err.type === 'already-voted') voted = true;
      if (err.type === 'vote-budget-exhausted') setRemaining(typeof err.problem.remaining === 'number' ? err.problem.remaining : 0);
      if (err.status === 404 && voted) voted = false;
      showError(err);
      loadBudget();
    } finally {
      button.removeAttribute('aria-busy');
      update();
    }
  });

  refreshVotePanel = update;
  update();
  return h(
    'section',
    { class: 'panel vote-panel', 'aria-labelledby': 'vote-heading' },
    h('h2', { id: 'vote-heading', class: 'visually-hidden' }, t('vote.heading')),
    h('p', { class: 'votes' }, count, ' ', unit),
    signedIn() ? button : h('p', {}, h('a', { href: `#${signInPath()}`, dataset: { testid: 'vote-signin' } }, t('vote.signIn'))),
    signedIn() ? hint : null,
    budgetLine,
  );
}

function followPanel(idea) {
  let following = !!idea.following;
  let followers = typeof idea.followers === 'number' ? idea.followers : 0;
  const count = h('p', { class: 'hint', dataset: { testid: 'followers' } });
  const button = h('button', { type: 'button', dataset: { testid: 'follow-button' } }, t('follow.button'));
  function update() {
    button.setAttribute('aria-pressed', String(following));
    replace(count, tn('follow.count', followers));
  }
  button.addEventListener('click', async () => {
    clearMessages();
    button.disabled = true;
    try {
      const answer = following ? await api('DELETE', `/ideas/${idea.id}/follow`) : await api('PUT', `/ideas/${idea.id}/follow`);
      following = !following;
      followers = answer && typeof answer.followers === 'number' ? answer.followers : Math.max(0, followers + (following ? 1 : -1));
      announce(following ? t('follow.on') : t('follow.off'));
    } catch (err) {
      showError(err);
    } finally {
      button.disabled = false;
      update();
    }
  });
  update();
  return h('section', { class: 'panel' }, h('h2', { class: 'visually-hidden' }, t('follow.heading')), signedIn() ? button : null, count);
}

function flagPanel(idea) {
  if (!signedIn()) return null;
  const reason = field({ name: 'reason', label: t('flag.reason'), type: 'textarea', required: true, maxlength: 500, rows: 3, testid: 'flag-reason' });
  const form = h('form', { class: 'form', hidden: true, novalidate: true, dataset: { testid: 'flag-form' } }, reason.row, h('div', { class: 'actions' }, submitButton(t('flag.submit'), 'flag-submit')));
  const toggle = h('button', { type: 'button', class: 'link-button', 'aria-expanded': 'false', dataset: { testid: 'flag-toggle' } }, t('flag.toggle'));
  toggle.addEventListener('click', () => {
    form.hidden = !form.hidden;
    toggle.setAttribute('aria-expanded', String(!form.hidden));
    if (!form.hidden) reason.input.focus();
  });
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearMessages(form);
    await busy(form, async () => {
      try {
        await api('POST', `/ideas/${idea.id}/flags`, { reason: reason.input.value.trim() });
        form.hidden = true;
        toggle.setAttribute('aria-expanded', 'false');
        toggle.disabled = true;
        announce(t('flag.done'));
        toggle.focus();
      } catch (err) {
        showError(err, form);
      }
    });
  });
  return h('section', { class: 'panel' }, h('h2', { class: 'visually-hidden' }, t('flag.heading')), toggle, form);
}

function clarifications(idea, isAuthor) {
  const list = Array.isArray(idea.clarifications) ? idea.clarifications : [];
  let form = null;
  // Before the first vote the author edits the text itself; afterwards only clarifications.
  if (isAuthor && idea.textFrozen && !CLOSED.has(idea.status)) {
    const text = field({ name: 'body', label: t('clarify.label'), type: 'textarea', required: true, maxlength: 4000, rows: 3, testid: 'clarification-input' });
    form = h('form', { class: 'form', novalidate: true, dataset: { testid: 'clarification-form' } }, text.row, h('div', { class: 'actions' }, submitButton(t('clarify.submit'), 'clarification-submit')));
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      clearMessages(form);
      await busy(form, async () => {
        try {
          await api('POST', `/ideas/${idea.id}/clarifications`, { body: text.input.value });
          flash(t('clarify.done'));
          render();
        } catch (err) {
          showError(err, form);
        }
      });
    });
  }
  if (!list.length && !form) return null;
  return h(
    'section',
    { class: 'block', 'aria-labelledby': 'clarifications-heading' },
    h('h2', { id: 'clarifications-heading' }, t('clarify.heading')),
    list.length
      ? h(
          'ol',
          { class: 'plain-list', dataset: { testid: 'clarifications' } },
          list.map((c) => h('li', {}, h('p', { class: 'meta' }, formatDate(c.createdAt)), h('div', { class: 'text' }, c.body))),
        )
      : null,
    form,
  );
}

function history(idea) {
  const steps = Array.isArray(idea.history) ? idea.history : [];
  return h(
    'section',
    { class: 'block', 'aria-labelledby': 'history-heading' },
    h('h2', { id: 'history-heading' }, t('history.heading')),
    steps.length
      ? h(
          'ol',
          { class: 'timeline', dataset: { testid: 'status-history' } },
          steps.map((s) =>
            h(
              'li',
              {},
              h('p', { class: 'step' }, s.from ? [statusBadge(s.from, 'history-from'), h('span', { 'aria-hidden': 'true' }, ' → '), h('span', { class: 'visually-hidden' }, ` ${t('history.to')} `)] : null, statusBadge(s.to, 'history-to')),
              s.reason ? h('p', { class: 'reason' }, s.reason) : null,
              h('p', { class: 'meta' }, [s.actor ? t('history.by', { name: memberName(s.actor) }) : null, formatDate(s.at)].filter(Boolean).join(' · ')),
            ),
          ),
        )
      : h('p', { class: 'hint' }, t('history.none')),
  );
}

async function comments(idea) {
  const list = h('ol', { class: 'plain-list comments', dataset: { testid: 'comment-list' } });
  const more = h('p', { class: 'hint', hidden: true });
  async function load() {
    try {
      const page = await api('GET', `/ideas/${idea.id}/comments?limit=${COMMENTS_SHOWN}`);
      const items = itemsOf(page);
      const total = page && typeof page.total === 'number' ? page.total : items.length;
      more.hidden = total <= items.length;
      replace(more, t('comments.more', { shown: formatNumber(items.length), total: formatNumber(total) }));
      replace(
        list,
        items.length
          ? items.map((c) =>
              h(
                'li',
                { dataset: { testid: 'comment' } },
                h('p', { class: 'meta' }, [memberName(c.author), formatDate(c.createdAt)].filter(Boolean).join(' · ')),
                h('div', { class: 'text' }, c.body),
              ),
            )
          : h('li', { class: 'hint' }, t('comments.none')),
      );
    } catch (err) {
      showError(err);
    }
  }
  await load();

  let form;
  if (signedIn()) {
    const text = field({ name: 'body', label: t('comments.label'), type: 'textarea', required: true, maxlength: 4000, rows: 3, testid: 'comment-input' });
    form = h('form', { class: 'form', novalidate: true, dataset: { testid: 'comment-form' } }, text.row, h('div', { class: 'actions' }, submitButton(t('comments.submit'), 'comment-submit')));
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      clearMessages(form);
      await busy(form, async () => {
        try {
          await api('POST', `/ideas/${idea.id}/comments`, { body: text.input.value });
          text.input.value = '';
          await load();
          announce(t('comments.added'));
        } catch (err) {
          showError(err, form);
        }
      });
    });
  } else {
    form = h('p', {}, h('a', { href: `#${signInPath()}` }, t('comments.signIn')));
  }
  return h('section', { class: 'block', 'aria-labelledby': 'comments-heading' }, h('h2', { id: 'comments-heading' }, t('comments.heading')), list, more, form);
}

function managerTools(idea) {
  const steps = NEXT_STEPS[idea.status] || [];
  const blocks = [];
  if (steps.length) {
    const status = field({
      name: 'status',
      label: t('manage.newStatus'),
      type: 'select',
      required: true,
      testid: 'status-select',
      options: steps.map((s) => ({ value: s, label: statusName(s) })),
    });
    const reason = field({ name: 'reason', label: t('manage.reason'), type: 'textarea', required: true, maxlength: 1000, rows: 3, testid: 'status-reason' });
    const build = field({ name: 'targetBuild', label: t('manage.targetBuild'), hint: t('manage.targetBuildHint'), maxlength: 100, testid: 'status-target-build' });
    const showBuild = () => {
      build.row.hidden = status.input.value !== 'planned';
      build.input.required = status.input.value === 'planned';
    };
    status.input.addEventListener('change', showBuild);
    showBuild();
    const form = h('form', { class: 'form', novalidate: true, dataset: { testid: 'status-form' } }, status.row, reason.row, build.row, h('div', { class: 'actions' }, submitButton(t('manage.changeStatus'), 'status-submit')));
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      clearMessages(form);
      const body = { status: status.input.value, reason: reason.input.value.trim() };
      if (status.input.value === 'planned' || build.input.value.trim()) body.targetBuild = build.input.value.trim();
      await busy(form, async () => {
        try {
          await api('POST', `/ideas/${idea.id}/status`, body);
          flash(t('manage.statusChanged', { status: statusName(body.status) }));
          loadBudget();
          render();
        } catch (err) {
          showError(err, form);
        }
      });
    });
    blocks.push(h('h3', {}, t('manage.statusHeading')), form);
  }
  // Only an open idea can be merged away (docs/api.md).
  if (idea.status === 'open') {
    const into = field({ name: 'into', label: t('manage.mergeInto'), type: 'number', required: true, min: 1, inputmode: 'numeric', testid: 'merge-into' });
    const reason = field({ name: 'reason', label: t('manage.reason'), type: 'textarea', required: true, maxlength: 1000, rows: 3, testid: 'merge-reason' });
    const form = h('form', { class: 'form', novalidate: true, dataset: { testid: 'merge-form' } }, h('p', { class: 'hint' }, t('manage.mergeHint')), into.row, reason.row, h('div', { class: 'actions' }, submitButton(t('manage.merge'), 'merge-submit')));
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      clearMessages(form);
      const target = Number.parseInt(into.input.value, 10);
      if (!Number.isFinite(target) || target <= 0) {
        showError({ type: 'invalid-input', problem: {}, errors: [{ field: 'into', message: t('manage.mergeIntoInvalid') }] }, form);
        return;
      }
      await busy(form, async () => {
        try {
          const answer = await api('POST', `/ideas/${idea.id}/merge`, { into: target, reason: reason.input.value.trim() });
          flash(t('manage.merged', { moved: formatNumber(answer?.moved ?? 0), dropped: formatNumber(answer?.dropped ?? 0), id: target }));
          loadBudget();
          navigate(`/ideas/${target}`);
        } catch (err) {
          showError(err, form);
        }
      });
    });
    blocks.push(h('h3', {}, t('manage.mergeHeading')), form);
  }
  if (!blocks.length) return null;
  return h('section', { class: 'block manager', 'aria-labelledby': 'manage-heading', dataset: { testid: 'manager-tools' } }, h('h2', { id: 'manage-heading' }, t('manage.heading')), blocks);
}
