// Stored decisions, newest first, searched and paged by the API (GET /decisions?account=&policy=
// &status=&from=&to=&page=&size=): only one page is ever loaded.

import { get } from '../api';
import type { DecisionPage } from '../types';
import { badge, currentLocation, h, instant, link, mount, problemBox, shortHash, table } from '../ui';

const PAGE_SIZE = 50;
const STATUSES = ['OK', 'MARGIN_CALL', 'LIQUIDATE'];
const FILTERS = ['account', 'policy', 'status', 'from', 'to'] as const;

function hashFor(query: URLSearchParams): string {
  const q = query.toString();
  return '#/decisions' + (q ? '?' + q : '');
}

/** A datetime-local value (read as UTC) to an ISO instant; an ISO instant passes through. */
function toInstant(value: string): string {
  const v = value.trim();
  if (!v) return '';
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(v)) return v + ':00Z';
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/.test(v)) return v + 'Z';
  return v;
}

function fromInstant(value: string | null): string {
  if (!value) return '';
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(:00)?(\.0+)?Z$/.exec(value);
  return m ? m[1] : '';
}

export async function render(root: HTMLElement, _params: string[]): Promise<void> {
  const query = currentLocation().query;
  const page = Math.max(0, Number.parseInt(query.get('page') ?? '0', 10) || 0);

  const input = (name: string, label: string, attrs: Record<string, string> = {}) => {
    const el = h('input', { id: `filter-${name}`, name, value: query.get(name) ?? '', ...attrs });
    return { el, field: h('div', { class: 'field' }, h('label', { for: `filter-${name}` }, label), el) };
  };
  const account = input('account', 'Account');
  const policy = input('policy', 'Policy (id or id@version)', { placeholder: 'tiered-perps@3' });
  const status = h('select', { id: 'filter-status', name: 'status' }, h('option', { value: '' }, 'Any status'), STATUSES.map((s) => h('option', { value: s }, s)));
  status.value = query.get('status') ?? '';
  const from = input('from', 'From (UTC)', { type: 'datetime-local' });
  const to = input('to', 'To (UTC)', { type: 'datetime-local' });
  from.el.value = fromInstant(query.get('from'));
  to.el.value = fromInstant(query.get('to'));

  const form = h(
    'form',
    { class: 'filters', role: 'search' },
    account.field,
    policy.field,
    h('div', { class: 'field' }, h('label', { for: 'filter-status' }, 'Status'), status),
    from.field,
    to.field,
    h('div', { class: 'field' }, h('span', { 'aria-hidden': 'true' }, ' '), h('button', { type: 'submit', id: 'search' }, 'Search')),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const next = new URLSearchParams();
    const values: Record<string, string> = {
      account: account.el.value.trim(),
      policy: policy.el.value.trim(),
      status: status.value,
      from: toInstant(from.el.value),
      to: toInstant(to.el.value),
    };
    for (const key of FILTERS) if (values[key]) next.set(key, values[key]);
    location.hash = hashFor(next);
  });

  const api = new URLSearchParams();
  for (const key of FILTERS) {
    const value = query.get(key);
    if (value) api.set(key, value);
  }
  api.set('page', String(page));
  api.set('size', String(PAGE_SIZE));

  let results: HTMLElement;
  try {
    const result = await get<DecisionPage>('/decisions?' + api.toString());
    const pages = Math.max(1, Math.ceil(result.total / result.size));
    const pageLink = (label: string, target: number, enabled: boolean) => {
      if (!enabled) return h('span', { class: 'muted' }, label);
      const q = new URLSearchParams(query);
      if (target === 0) q.delete('page');
      else q.set('page', String(target));
      return h('a', { href: hashFor(q), rel: target < page ? 'prev' : 'next' }, label);
    };
    const pager = h(
      'nav',
      { class: 'pager', 'aria-label': 'Pages of decisions' },
      pageLink('← Newer', page - 1, page > 0),
      h('span', { 'data-test': 'page-info' }, `Page ${page + 1} of ${pages} · ${result.total} decisions`),
      pageLink('Older →', page + 1, page + 1 < pages),
    );
    results = h(
      'div',
      null,
      pager,
      h(
        'div',
        { class: 'table-wrap' },
        table(
          ['Time', 'Account', 'Status', 'Policy', 'Decided by', 'Chain #', 'Decision'],
          result.items.map((d) => [
            instant(d.createdAt),
            d.accountId,
            badge(d.status, d.status),
            link(`${d.policy.id}@${d.policy.version}`, 'policies', d.policy.id, d.policy.version),
            d.createdBy,
            String(d.sequence),
            link(shortHash(d.id), 'decisions', d.id),
          ]),
          { 'data-test': 'decisions', caption: 'Stored decisions, newest first' },
        ),
      ),
      result.items.length ? null : h('p', { class: 'muted' }, 'No decision matches.'),
    );
  } catch (err) {
    results = problemBox(err);
  }

  mount(root, h('h1', null, 'Decisions'), form, results);
}
