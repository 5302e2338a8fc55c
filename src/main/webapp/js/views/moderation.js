// The moderation queue: ideas hidden by flags, each with its flags, to restore or keep hidden.
import { h, replace } from '../dom.js';
import { t, tn, formatDate } from '../i18n.js';
import { api } from '../api.js';
import { showError, clearMessages, announce } from '../messages.js';
import { field, busy } from '../forms.js';
import { statusBadge, ideaLink, itemsOf, memberName } from './common.js';

export async function moderationView() {
  const items = itemsOf(await api('GET', '/moderation/ideas'));
  const list = h('ol', { class: 'plain-list moderation', dataset: { testid: 'moderation-queue' } }, items.map(entry));
  return h(
    'section',
    {},
    h('h1', {}, t('moderation.title')),
    h('p', { class: 'lead' }, t('moderation.lead')),
    items.length ? list : h('p', { class: 'empty', dataset: { testid: 'moderation-empty' } }, t('moderation.empty')),
  );
}

function entry(item) {
  // Either {idea, flags} or an IdeaSummary with flags inside.
  const idea = item.idea || item;
  const flags = Array.isArray(item.flags) ? item.flags : [];
  const reason = field({ name: 'reason', label: t('manage.reason'), type: 'textarea', required: true, maxlength: 1000, rows: 2, testid: 'moderation-reason' });
  const form = h(
    'form',
    { class: 'form', novalidate: true },
    reason.row,
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'submit', name: 'decision', value: 'restore', class: 'primary', dataset: { testid: 'moderation-restore' } }, t('moderation.restore')),
      h('button', { type: 'submit', name: 'decision', value: 'keep_hidden', dataset: { testid: 'moderation-keep-hidden' } }, t('moderation.keepHidden')),
    ),
  );
  const li = h(
    'li',
    { class: 'card', dataset: { testid: 'moderation-item', ideaId: idea.id } },
    h(
      'h2',
      {},
      h('a', { href: ideaLink(idea) }, idea.title),
      ' ',
      statusBadge(idea.status),
      item.hidden ? [' ', h('span', { class: 'badge hidden-badge', dataset: { testid: 'moderation-hidden' } }, t('moderation.hidden'))] : null,
    ),
    h('p', { class: 'meta' }, tn('moderation.flagCount', flags.length || item.flagCount || 0)),
    flags.length
      ? h(
          'ul',
          { class: 'flags' },
          flags.map((f) => h('li', {}, h('span', { class: 'text' }, f.reason), ' ', h('span', { class: 'meta' }, [memberName(f.member || f.by), formatDate(f.createdAt || f.at)].filter(Boolean).join(' · ')))),
        )
      : null,
    form,
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearMessages(form);
    const decision = e.submitter && e.submitter.value ? e.submitter.value : 'restore';
    await busy(form, async () => {
      try {
        await api('POST', `/moderation/ideas/${idea.id}`, { decision, reason: reason.input.value.trim() });
        replace(li, h('p', { dataset: { testid: 'moderation-done' } }, t(decision === 'restore' ? 'moderation.restored' : 'moderation.keptHidden', { title: idea.title })));
        announce(t(decision === 'restore' ? 'moderation.restored' : 'moderation.keptHidden', { title: idea.title }));
      } catch (err) {
        showError(err, form);
      }
    });
  });
  return li;
}
