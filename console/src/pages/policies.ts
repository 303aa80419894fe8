// Every policy version with its lifecycle state, who wrote and reviewed it, its bundle hash and
// dates; the version active now, scheduled activations and the shadow candidate. Filter by state.

import { get } from '../api';
import { POLICY_STATES, type PolicyList, type PolicyVersionView } from '../types';
import { badge, currentLocation, facts, h, instant, link, mount, section, shortHash, table, type Child } from '../ui';

function ref(v: { policy: string; version: string }): string {
  return `${v.policy}@${v.version}`;
}

function refLink(reference: string | null | undefined): Child {
  if (!reference) return 'none';
  const at = reference.lastIndexOf('@');
  if (at < 0) return reference;
  return link(reference, 'policies', reference.slice(0, at), reference.slice(at + 1));
}

function compareVersions(a: PolicyVersionView, b: PolicyVersionView): number {
  const byPolicy = a.policy.localeCompare(b.policy);
  if (byPolicy !== 0) return byPolicy;
  // Newest version first; versions are compared as numbers where they are numbers.
  return b.version.localeCompare(a.version, 'en', { numeric: true });
}

export async function render(root: HTMLElement, _params: string[]): Promise<void> {
  const list = await get<PolicyList>('/policies');
  const active = list.active;
  const scheduledAt = new Map(active.scheduled.map((s) => [s.policy, s.effectiveAt]));
  const versions = [...list.versions].sort(compareVersions);

  const markers = (v: PolicyVersionView): Child[] => {
    const r = ref(v);
    const out: Child[] = [];
    if (active.active === r) out.push(badge('active now', 'now'));
    if (scheduledAt.has(r)) out.push(h('span', { class: 'badge badge-scheduled' }, 'scheduled ', instant(scheduledAt.get(r))));
    if (active.shadow?.candidate === r) out.push(badge('shadow candidate', 'shadow'));
    return out;
  };

  const rowOf = (v: PolicyVersionView) => ({
    cells: [
      v.policy,
      link(v.version, 'policies', v.policy, v.version),
      [badge(v.state), ...markers(v)],
      v.author ?? '',
      instant(v.uploadedAt),
      v.reviewedBy ?? '',
      instant(v.reviewedAt),
      v.reviewComment ?? '',
      shortHash(v.bundleHash),
    ],
    className: active.active === ref(v) ? 'current' : undefined,
    attrs: { 'data-state': v.state, 'data-ref': ref(v) },
  });

  const stateFilter = h(
    'select',
    { id: 'state-filter', name: 'state' },
    h('option', { value: '' }, 'All states'),
    POLICY_STATES.map((s) => h('option', { value: s }, s)),
  );
  const count = h('span', { class: 'muted', 'aria-live': 'polite' });
  const holder = h('div', { class: 'table-wrap' });

  const show = () => {
    const state = stateFilter.value;
    const shown = state ? versions.filter((v) => v.state === state) : versions;
    count.textContent = `${shown.length} of ${versions.length} versions`;
    mount(
      holder,
      table(
        ['Policy', 'Version', 'State', 'Author', 'Uploaded', 'Reviewer', 'Reviewed', 'Review comment', 'Bundle hash'],
        shown.map(rowOf),
        { 'data-test': 'policies', caption: 'Policy versions' },
      ),
      shown.length ? null : h('p', { class: 'muted' }, 'No version in this state.'),
    );
  };
  const initial = currentLocation().query.get('state') ?? '';
  if ((POLICY_STATES as string[]).includes(initial)) stateFilter.value = initial;
  stateFilter.addEventListener('change', () => {
    // Keeps the filter in the address (back, reload, links) without re-rendering the page.
    history.replaceState(null, '', '#/policies' + (stateFilter.value ? '?state=' + stateFilter.value : ''));
    show();
  });
  show();

  mount(
    root,
    h('h1', null, 'Policies'),
    section(
      'Active now',
      facts([
        ['Service clock', instant(active.now)],
        ['Active version', refLink(active.active)],
        [
          'Scheduled activations',
          active.scheduled.length
            ? h('ul', { class: 'plain' }, active.scheduled.map((s) => h('li', null, refLink(s.policy), ' at ', instant(s.effectiveAt))))
            : 'none',
        ],
        [
          'Shadow candidate',
          active.shadow
            ? [
                refLink(active.shadow.candidate),
                ' beside ',
                refLink(active.shadow.attachedTo),
                active.shadow.evaluating ? ' (evaluating)' : ' (not evaluating: the version it is attached to is no longer active)',
                active.shadow.tolerance ? `, tolerance ${active.shadow.tolerance}` : '',
              ]
            : 'none',
        ],
      ]),
    ),
    section(
      'Versions',
      h('div', { class: 'toolbar' }, h('label', { for: 'state-filter' }, 'State '), stateFilter, ' ', count),
      holder,
    ),
  );
}
