// The audit chain verified (GET /audit/verify: intact, head sequence and hash, the first broken
// link), lifecycle events across policies (GET /policies/events, paged and filtered) and the shadow
// differences (GET /policies/active/shadow/differences), both results side by side.

import { get, hasRole } from '../api';
import type { PolicyEventPage } from '../types';
import { badge, currentLocation, facts, h, instant, link, mount, problemBox, section, shortHash, table, type Child } from '../ui';

const ACTIONS = ['IMPORT', 'UPLOAD', 'VALIDATE', 'APPROVE', 'REJECT', 'ACTIVATE', 'ROLLBACK', 'SHADOW_ON', 'SHADOW_OFF'];

/** The audit route with its query: `events` (page of events), `policy`, `action`, `page` (shadow differences). */
function auditHref(query: URLSearchParams, changes: Record<string, string | number | null>): string {
  const q = new URLSearchParams(query);
  for (const [k, v] of Object.entries(changes)) {
    if (v === null || v === '' || v === 0) q.delete(k);
    else q.set(k, String(v));
  }
  const text = q.toString();
  return text ? `#/audit?${text}` : '#/audit';
}

async function eventsSection(query: URLSearchParams): Promise<Child> {
  const page = Math.max(0, Number.parseInt(query.get('events') ?? '0', 10) || 0);
  const policy = query.get('policy') ?? '';
  const action = query.get('action') ?? '';
  const policyInput = h('input', { id: 'events-policy', name: 'policy', value: policy, size: 20 });
  const actionSelect = h('select', { id: 'events-action', name: 'action' }, h('option', { value: '' }, 'any'), ACTIONS.map((a) => h('option', { value: a, selected: a === action }, a)));
  const filters = h(
    'form',
    {
      class: 'filters',
      onsubmit: (event: Event) => {
        event.preventDefault();
        location.hash = auditHref(query, { policy: policyInput.value.trim(), action: actionSelect.value, events: null });
      },
    },
    h('div', { class: 'field' }, h('label', { for: 'events-policy' }, 'Policy id'), policyInput),
    h('div', { class: 'field' }, h('label', { for: 'events-action' }, 'Action'), actionSelect),
    h('button', { type: 'submit', id: 'events-filter' }, 'Filter'),
  );
  try {
    const params = new URLSearchParams({ page: String(page), size: '50' });
    if (policy) params.set('policy', policy);
    if (action) params.set('action', action);
    const p = await get<PolicyEventPage>(`/policies/events?${params}`);
    const pages = Math.max(1, Math.ceil(p.total / p.size));
    const pageLink = (label: string, target: number, enabled: boolean) =>
      enabled ? h('a', { href: auditHref(query, { events: target }) }, label) : h('span', { class: 'muted' }, label);
    return [
      filters,
      h(
        'nav',
        { class: 'pager', 'aria-label': 'Pages of lifecycle events' },
        pageLink('← Newer', page - 1, page > 0),
        h('span', null, `Page ${page + 1} of ${pages} · ${p.total} events`),
        pageLink('Older →', page + 1, page + 1 < pages),
      ),
      h(
        'div',
        { class: 'table-wrap' },
        table(
          ['When', 'Action', 'Version', 'By', 'Effective', 'Reason', 'Chain #'],
          p.items.map((e) => [
            instant(e.at),
            badge(e.action, 'event'),
            link(`${e.policyId}@${e.version}`, 'policies', e.policyId, e.version),
            e.actor,
            instant(e.effectiveAt),
            e.reason ?? '',
            String(e.sequence),
          ]),
          { 'data-test': 'events', caption: 'Audited lifecycle events across policies, newest first' },
        ),
      ),
      p.items.length ? null : h('p', { class: 'muted' }, 'No lifecycle event matches.'),
    ];
  } catch (err) {
    return [filters, problemBox(err)];
  }
}

interface ChainReport {
  intact: boolean;
  checkedRecords: number;
  headSequence: number;
  headHash: string | null;
  firstBroken: { sequence: number; kind: string; subjectId: string | null; problem: string } | null;
}

interface ShadowDifference {
  decisionId: string;
  recordedAt: string;
  accountId: string;
  activeRef: string;
  candidateRef: string;
  activeStatus: string;
  candidateStatus: string;
  activeInitialMargin: string | number;
  candidateInitialMargin: string | number;
  activeMaintenanceMargin: string | number;
  candidateMaintenanceMargin: string | number;
}

interface ShadowDifferencePage {
  items: ShadowDifference[];
  page: number;
  size: number;
  total: number;
}

const PAGE_SIZE = 50;

function pair(active: unknown, candidate: unknown): HTMLElement {
  const a = String(active ?? '');
  const c = String(candidate ?? '');
  return h('span', { class: a === c ? undefined : 'changed' }, a, ' | ', c);
}

export async function render(root: HTMLElement, _params: string[]): Promise<void> {
  const query = currentLocation().query;
  const page = Math.max(0, Number.parseInt(query.get('page') ?? '0', 10) || 0);
  let chain: HTMLElement;
  if (!hasRole('auditor')) {
    chain = h('p', { class: 'muted' }, 'Verifying the chain needs the auditor role.');
  } else try {
    const r = await get<ChainReport>('/audit/verify');
    chain = h(
      'div',
      { 'data-test': 'chain', class: r.intact ? 'done' : 'problem', role: r.intact ? 'status' : 'alert' },
      h('strong', null, r.intact ? 'The audit chain is intact.' : 'The audit chain is broken.'),
      facts([
        ['Records checked', String(r.checkedRecords)],
        ['Head sequence', String(r.headSequence)],
        ['Head hash', r.headHash ? h('code', { class: 'hash-full' }, r.headHash) : '—'],
        [
          'First broken link',
          r.firstBroken
            ? h(
                'span',
                { 'data-test': 'first-broken' },
                `sequence ${r.firstBroken.sequence}, ${r.firstBroken.kind}`,
                r.firstBroken.subjectId ? [' ', h('code', null, r.firstBroken.subjectId)] : null,
                `: ${r.firstBroken.problem}`,
              )
            : 'none',
        ],
      ]),
    );
  } catch (err) {
    chain = problemBox(err);
  }

  let shadow: HTMLElement;
  if (!hasRole('auditor', 'approver', 'author')) {
    shadow = h('p', { class: 'muted' }, 'Shadow differences need the auditor, approver or author role.');
  } else try {
    const d = await get<ShadowDifferencePage>(`/policies/active/shadow/differences?page=${page}&size=${PAGE_SIZE}`);
    const pages = Math.max(1, Math.ceil(d.total / d.size));
    const pageLink = (label: string, target: number, enabled: boolean) =>
      enabled ? h('a', { href: auditHref(query, { page: target }) }, label) : h('span', { class: 'muted' }, label);
    shadow = h(
      'div',
      null,
      h(
        'nav',
        { class: 'pager', 'aria-label': 'Pages of shadow differences' },
        pageLink('← Newer', page - 1, page > 0),
        h('span', null, `Page ${page + 1} of ${pages} · ${d.total} differences`),
        pageLink('Older →', page + 1, page + 1 < pages),
      ),
      h(
        'div',
        { class: 'table-wrap' },
        table(
          ['Recorded', 'Account', 'Decision', 'Active | candidate', 'Status', 'Initial margin', 'Maintenance margin'],
          d.items.map((x) => [
            instant(x.recordedAt),
            x.accountId,
            link(shortHash(x.decisionId), 'decisions', x.decisionId),
            `${x.activeRef} | ${x.candidateRef}`,
            pair(x.activeStatus, x.candidateStatus),
            pair(x.activeInitialMargin, x.candidateInitialMargin),
            pair(x.activeMaintenanceMargin, x.candidateMaintenanceMargin),
          ]),
          { 'data-test': 'shadow-differences', caption: 'Live decisions whose shadow result differed (active | candidate)' },
        ),
      ),
      d.items.length ? null : h('p', { class: 'muted' }, 'No shadow difference recorded.'),
    );
  } catch (err) {
    shadow = problemBox(err);
  }

  mount(
    root,
    h('h1', null, 'Audit'),
    section('Chain verification', chain),
    section('Lifecycle events', await eventsSection(query)),
    section('Shadow differences', shadow),
  );
}
