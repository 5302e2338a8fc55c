// The member's votes and what is left of this week's budget.
import { h } from '../dom.js';
import { t, tn, formatDate, formatNumber } from '../i18n.js';
import { api } from '../api.js';
import { setBudget } from '../session.js';
import { statusBadge, ideaLink, itemsOf } from './common.js';

export async function myVotesView() {
  const [budget, votes] = await Promise.all([api('GET', '/me/budget'), api('GET', '/me/votes')]);
  setBudget(budget);
  const items = itemsOf(votes);
  return h(
    'section',
    {},
    h('h1', {}, t('myVotes.title')),
    h(
      'div',
      { class: 'card budget-card', dataset: { testid: 'budget-summary' } },
      h('p', { class: 'big' }, tn('budget.remaining', budget.remaining, { limit: formatNumber(budget.limit) })),
      h('p', { class: 'hint' }, t('budget.used', { used: formatNumber(budget.used), limit: formatNumber(budget.limit) })),
      budget.resetsAt ? h('p', { class: 'hint' }, t('budget.resetsAt', { date: formatDate(budget.resetsAt) })) : null,
    ),
    items.length
      ? h(
          'ol',
          { class: 'plain-list votes-list', dataset: { testid: 'my-votes' } },
          items.map((v) =>
            h(
              'li',
              { dataset: { testid: 'my-vote', ideaId: v.idea ? v.idea.id : '' } },
              v.idea ? h('a', { href: ideaLink(v.idea) }, v.idea.title) : null,
              ' ',
              v.idea ? statusBadge(v.idea.status) : null,
              h(
                'p',
                { class: 'meta' },
                t('myVotes.castAt', { date: formatDate(v.castAt) }),
                v.refunded ? [' · ', h('span', { class: 'badge refunded', dataset: { testid: 'refunded' } }, t('myVotes.refunded'))] : null,
              ),
            ),
          ),
        )
      : h('p', { class: 'empty' }, t('myVotes.none'), ' ', h('a', { href: '#/' }, t('myVotes.browse'))),
  );
}
