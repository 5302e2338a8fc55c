// Pieces several views share: status badges, idea cards, pagination.
import { h } from '../dom.js';
import { t, tn, statusName, formatDate, formatNumber } from '../i18n.js';

export const STATUSES = ['open', 'under_review', 'planned', 'in_progress', 'shipped', 'verified', 'declined', 'duplicate'];
export const CLOSED = new Set(['shipped', 'verified', 'declined', 'duplicate']);

export function statusBadge(status, testid = 'idea-status') {
  return h('span', { class: `badge status-${status}`, dataset: { testid, status } }, statusName(status));
}

export function ideaLink(idea) {
  return `#/ideas/${encodeURIComponent(idea.id)}`;
}

/** A card for an IdeaSummary in a list. */
export function ideaCard(idea) {
  return h(
    'li',
    { class: 'idea-card', dataset: { testid: 'idea-card', ideaId: idea.id } },
    h(
      'div',
      { class: 'idea-votes', dataset: { testid: 'idea-card-votes' } },
      h('span', { class: 'count' }, formatNumber(idea.votes ?? 0)),
      h('span', { class: 'unit' }, tn('idea.votesUnit', idea.votes ?? 0)),
    ),
    h(
      'div',
      { class: 'idea-main' },
      h('h2', { class: 'idea-title' }, h('a', { href: ideaLink(idea), dataset: { testid: 'idea-link' } }, idea.title)),
      h(
        'p',
        { class: 'meta' },
        statusBadge(idea.status),
        ' ',
        idea.author ? t('idea.by', { name: idea.author.displayName }) : null,
        idea.createdAt ? ` · ${formatDate(idea.createdAt)}` : null,
        ` · ${tn('idea.comments', idea.commentCount ?? 0)}`,
      ),
    ),
  );
}

/** Previous / next page controls. onPage(offset) is called with the new offset. */
export function pager({ total, offset, limit, onPage }) {
  const pages = Math.max(1, Math.ceil(total / limit));
  const page = Math.floor(offset / limit) + 1;
  if (pages <= 1) return null;
  return h(
    'nav',
    { class: 'pager', 'aria-label': t('list.pagination') },
    h(
      'button',
      { type: 'button', disabled: page <= 1, dataset: { testid: 'page-prev' }, onclick: () => onPage(Math.max(0, offset - limit)) },
      t('list.previous'),
    ),
    h('span', { dataset: { testid: 'page-info' } }, t('list.pageOf', { page: formatNumber(page), pages: formatNumber(pages) })),
    h(
      'button',
      { type: 'button', disabled: page >= pages, dataset: { testid: 'page-next' }, onclick: () => onPage(offset + limit) },
      t('list.next'),
    ),
  );
}

/** Wraps items that the API may answer as a bare array or as {items}. */
export function itemsOf(body) {
  if (Array.isArray(body)) return body;
  if (body && Array.isArray(body.items)) return body.items;
  return [];
}

export function memberName(member) {
  if (!member) return t('idea.someone');
  return member.displayName || t('idea.someone');
}
