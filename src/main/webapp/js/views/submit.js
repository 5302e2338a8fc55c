// Submitting an idea. While the title is typed, similar ideas are looked up (debounced) and shown
// before the member submits, so duplicates get votes instead of twins.
import { h, replace } from '../dom.js';
import { t, tn, formatNumber } from '../i18n.js';
import { api, query } from '../api.js';
import { showError, clearMessages, flash } from '../messages.js';
import { field, busy, submitButton, requiredNote } from '../forms.js';
import { navigate } from '../router.js';
import { statusBadge, ideaLink, itemsOf } from './common.js';

const DEBOUNCE_MS = 300;
const MIN_QUERY = 3;

export function submitView() {
  const title = field({ name: 'title', label: t('submit.titleLabel'), required: true, minlength: 5, maxlength: 140, hint: t('submit.titleHint'), autocomplete: 'off', testid: 'idea-title-input' });
  const body = field({ name: 'body', label: t('submit.bodyLabel'), type: 'textarea', required: true, minlength: 10, maxlength: 8000, rows: 8, hint: t('submit.bodyHint'), testid: 'idea-body-input' });
  const similar = h('section', { class: 'similar notice', hidden: true, 'aria-live': 'polite', 'aria-labelledby': 'similar-heading', dataset: { testid: 'similar-ideas' } });

  let timer = null;
  let asked = 0;
  async function lookSimilar() {
    const q = title.input.value.trim();
    const mine = ++asked;
    if (q.length < MIN_QUERY) {
      similar.hidden = true;
      replace(similar);
      return;
    }
    try {
      const items = itemsOf(await api('GET', `/ideas/similar${query({ q })}`));
      if (mine !== asked) return;
      if (!items.length) {
        similar.hidden = true;
        replace(similar);
        return;
      }
      replace(
        similar,
        h('h2', { id: 'similar-heading' }, t('submit.similarHeading')),
        h('p', { class: 'hint' }, t('submit.similarHint')),
        h(
          'ul',
          { class: 'plain-list' },
          items.map((idea) =>
            h(
              'li',
              { dataset: { testid: 'similar-idea', ideaId: idea.id } },
              h('a', { href: ideaLink(idea), dataset: { testid: 'similar-idea-link' } }, idea.title),
              ' ',
              statusBadge(idea.status),
              ' ',
              h('span', { class: 'hint' }, `${formatNumber(idea.votes ?? 0)} ${tn('idea.votesUnit', idea.votes ?? 0)}`),
            ),
          ),
        ),
      );
      similar.hidden = false;
    } catch (err) {
      // Looking for twins is a help, not a gate: a failure here never blocks submitting.
      if (mine === asked) {
        similar.hidden = true;
        if (err.handled) return;
      }
    }
  }
  title.input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(lookSimilar, DEBOUNCE_MS);
  });

  const form = h(
    'form',
    { class: 'card form', novalidate: true, dataset: { testid: 'submit-form' } },
    requiredNote(),
    title.row,
    similar,
    body.row,
    h('div', { class: 'actions' }, submitButton(t('submit.button'), 'idea-submit')),
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearMessages(form);
    await busy(form, async () => {
      try {
        const idea = await api('POST', '/ideas', { title: title.input.value.trim(), body: body.input.value.trim() });
        flash(t('submit.done'));
        navigate(`/ideas/${idea.id}`);
      } catch (err) {
        showError(err, form);
      }
    });
  });
  return h('section', { class: 'narrow' }, h('h1', {}, t('submit.title')), h('p', { class: 'lead' }, t('submit.lead')), form);
}
