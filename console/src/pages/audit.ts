// The audit chain verified (GET /audit/verify: intact, head sequence and hash, the first broken
// link), lifecycle events across policies (GET /policies/events, paged and filtered) and the shadow
// differences (GET /policies/active/shadow/differences), both results side by side.

import { get, getText, hasRole, postText } from '../api';
import { parseCheckpoint, verifyDecision, type Check, type InclusionProofView, type LeafView } from '../transparency';
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

const PINNED_KEY = 'fulcrum.audit.pinnedKey';

function pinnedKey(): string {
  try {
    return localStorage.getItem(PINNED_KEY) ?? '';
  } catch {
    return '';
  }
}

/**
 * The decision log's latest signed checkpoint, and one decision checked in this browser: its
 * stored columns, audit record, leaf, inclusion proof, the checkpoint's root and signature
 * (transparency.ts, on Web Crypto). The verifier key is the one the auditor pinned in this browser
 * (compared with the operator's published key), else the service's own, said so.
 */
async function logSection(query: URLSearchParams): Promise<Child> {
  if (!hasRole('auditor')) return h('p', { class: 'muted' }, 'Checking the decision log needs the auditor role.');
  let latest: Child;
  try {
    const c = parseCheckpoint(await getText('/audit/checkpoint'));
    latest = facts([
      ['Origin', h('code', null, c.origin)],
      ['Tree size', h('span', { 'data-test': 'checkpoint-size' }, String(c.size))],
      ['Root hash', h('code', { class: 'hash-full' }, Array.from(c.root, (b) => b.toString(16).padStart(2, '0')).join(''))],
      ['Signed by', c.signatures.map((x) => x.name).join(', ')],
    ]);
  } catch (err) {
    latest = problemBox(err);
  }
  const keyInput = h('textarea', { id: 'verifier-key', rows: 2, cols: 80, spellcheck: false, placeholder: 'name+keyid+base64 key (blank: the key this service serves)' });
  keyInput.value = pinnedKey();
  const decisionInput = h('input', { id: 'verify-decision-id', size: 40, value: query.get('verify') ?? '' });
  const result = h('div', { 'data-test': 'inclusion', 'aria-live': 'polite' });
  const run = async () => {
    const id = decisionInput.value.trim();
    if (!id) return;
    mount(result, h('p', { class: 'muted' }, 'Checking…'));
    try {
      const leaf = await get<LeafView>(`/audit/leaf?decision=${encodeURIComponent(id)}`);
      let note = await getText('/audit/checkpoint');
      let signedNow = false;
      if (parseCheckpoint(note).size <= leaf.leafIndex) {
        // The latest checkpoint predates this decision (one is signed every few seconds): sign one now.
        note = await postText('/audit/checkpoint');
        signedNow = true;
      }
      const size = parseCheckpoint(note).size;
      const proof = await get<InclusionProofView>(`/audit/proof/inclusion?decision=${encodeURIComponent(id)}&size=${size}`);
      const pinned = keyInput.value.trim();
      const keyText = pinned || (await getText('/audit/key'));
      const checks: Check[] = await verifyDecision(id, leaf, proof, note, keyText);
      const ok = checks.every((c) => c.ok);
      mount(
        result,
        h('p', { class: ok ? 'done' : 'problem', role: ok ? 'status' : 'alert', 'data-test': 'inclusion-verdict' },
          h('strong', null, ok ? 'Verified in this browser: the decision is in the signed log.' : 'Not verified: see the failed check.')),
        signedNow ? h('p', { class: 'muted' }, `The latest checkpoint did not cover this decision yet: a checkpoint of ${size} leaves was signed now.`) : null,
        pinned ? null : h('p', { class: 'muted' }, 'Key: the one this service serves (GET /audit/key). Compare it with the operator\'s published key and pin it.'),
        table(
          ['Check', 'Result', 'Detail'],
          checks.map((c) => ({ cells: [c.name, badge(c.ok ? 'ok' : 'failed', c.ok ? 'approved' : 'rejected'), c.detail], className: c.ok ? undefined : 'changed', attrs: { 'data-check': c.name } })),
          { 'data-test': 'inclusion-checks', caption: `Decision ${id}` },
        ),
      );
    } catch (err) {
      mount(result, problemBox(err));
    }
  };
  const form = h(
    'form',
    { class: 'filters', onsubmit: (e: Event) => { e.preventDefault(); void run(); } },
    h('div', { class: 'field' }, h('label', { for: 'verify-decision-id' }, 'Decision id'), decisionInput),
    h('div', { class: 'field' }, h('label', { for: 'verifier-key' }, 'Pinned verifier key'), keyInput),
    h('button', { type: 'submit', id: 'verify-inclusion' }, 'Verify in this browser'),
    h('button', {
      type: 'button',
      id: 'pin-key',
      onclick: async () => {
        const text = keyInput.value.trim() || (await getText('/audit/key')).trim();
        keyInput.value = text;
        try { localStorage.setItem(PINNED_KEY, text); } catch { /* storage off: the field still holds it */ }
      },
    }, 'Pin this key'),
  );
  if (decisionInput.value) void run();
  return [h('div', { 'data-test': 'checkpoint' }, latest), form, result];
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
    section('Decision log (Merkle tree and signed checkpoints)', await logSection(query)),
    section('Lifecycle events', await eventsSection(query)),
    section('Shadow differences', shadow),
  );
}
