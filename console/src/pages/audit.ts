// The audit chain verified (GET /audit/verify: intact, head sequence and hash, the first broken
// link) and the shadow differences (GET /policies/active/shadow/differences), both results side by side.

import { get } from '../api';
import { badge, currentLocation, facts, h, instant, link, mount, problemBox, section, shortHash, table } from '../ui';

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
  const page = Math.max(0, Number.parseInt(currentLocation().query.get('page') ?? '0', 10) || 0);
  let chain: HTMLElement;
  try {
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
  try {
    const d = await get<ShadowDifferencePage>(`/policies/active/shadow/differences?page=${page}&size=${PAGE_SIZE}`);
    const pages = Math.max(1, Math.ceil(d.total / d.size));
    const pageLink = (label: string, target: number, enabled: boolean) =>
      enabled ? h('a', { href: target === 0 ? '#/audit' : `#/audit?page=${target}` }, label) : h('span', { class: 'muted' }, label);
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
    section('Shadow differences', shadow),
    h('p', { class: 'muted' }, 'Lifecycle events are on each version page; a list across all policies needs an API the service does not have yet. ', badge('to come', 'retired')),
  );
}
