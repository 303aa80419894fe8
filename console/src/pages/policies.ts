// Every policy version with its lifecycle state, who wrote and reviewed it, its bundle hash and
// dates; the version active now, scheduled activations and the shadow candidate. Filter by state.

import { hasRole, del, get, post, seg, upload } from '../api';
import { eventBox } from '../review';
import { POLICY_STATES, type PolicyEvent, type PolicyList, type PolicyVersionView } from '../types';
import { badge, currentLocation, facts, h, instant, link, mount, problemBox, section, shortHash, table, type Child } from '../ui';

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


/** Upload a bundle zip as a new version (author): VALIDATED, or DRAFT with its problems. */
function uploadForm(policies: string[], done: (message: HTMLElement) => void): HTMLElement {
  const policy = h('input', { id: 'upload-policy', name: 'policy', list: 'known-policies', required: true, size: 24 });
  const file = h('input', { id: 'upload-file', name: 'bundle', type: 'file', accept: '.zip,application/zip', required: true });
  const button = h('button', { type: 'submit', id: 'upload' }, 'Upload');
  const status = h('div', { 'aria-live': 'polite' });
  const form = h(
    'form',
    { class: 'filters' },
    h('datalist', { id: 'known-policies' }, policies.map((p) => h('option', { value: p }))),
    h('div', { class: 'field' }, h('label', { for: 'upload-policy' }, 'Policy id'), policy),
    h('div', { class: 'field' }, h('label', { for: 'upload-file' }, 'Bundle (zip of manifest.yaml and its files)'), file),
    button,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const chosen = file.files?.[0];
    if (!policy.value.trim() || !chosen) {
      mount(status, h('div', { class: 'problem', role: 'alert' }, h('strong', null, 'Enter the policy id and choose a zip file.')));
      return;
    }
    button.disabled = true;
    mount(status, h('p', { class: 'muted' }, 'Uploading and validating…'));
    try {
      const { status: code, body } = await upload<PolicyVersionView>(`/policies/${seg(policy.value.trim())}/versions`, chosen, 'application/zip');
      const problems = body.report?.problems ?? [];
      done(
        h(
          'div',
          { class: code === 422 ? 'problem' : 'done', role: 'status', 'data-test': 'upload-result' },
          h('strong', null, `${body.policy}@${body.version} uploaded: `, badge(body.state)),
          problems.length
            ? h('ul', null, problems.map((x) => h('li', null, h('code', null, `${x.file ?? ''}${x.line > 0 ? ':' + x.line : ''}`), ' ', x.message)))
            : null,
          h('p', null, link('Open the version', 'policies', body.policy, body.version)),
        ),
      );
    } catch (err) {
      mount(status, problemBox(err));
    } finally {
      button.disabled = false;
    }
  });
  return h('div', null, form, status);
}

/** Roll back the active version, or detach the shadow candidate (approver). */
function activeActions(list: PolicyList, done: (message: HTMLElement) => void): Child {
  if (!hasRole('approver')) return null;
  const status = h('div', { 'aria-live': 'polite' });
  const reason = h('input', { id: 'active-reason', name: 'reason', size: 40 });
  const act = (button: HTMLButtonElement, title: string, call: () => Promise<PolicyEvent>) => async () => {
    button.disabled = true;
    try {
      done(eventBox(title, await call()));
    } catch (err) {
      mount(status, problemBox(err));
    } finally {
      button.disabled = false;
    }
  };
  const rollback = h('button', { type: 'button', id: 'rollback', class: 'secondary' }, 'Roll back to the previous version');
  rollback.addEventListener('click', act(rollback, 'Rolled back.', () => post<PolicyEvent>('/policies/active/rollback', { reason: reason.value.trim() })));
  const shadowOff = list.active.shadow ? h('button', { type: 'button', id: 'shadow-off', class: 'secondary' }, 'Stop the shadow') : null;
  shadowOff?.addEventListener(
    'click',
    act(shadowOff, 'Shadow detached.', () => del<PolicyEvent>('/policies/active/shadow?reason=' + encodeURIComponent(reason.value.trim()))),
  );
  return h(
    'div',
    { class: 'actions' },
    h('h3', null, list.active.shadow ? 'Roll back or stop the shadow' : 'Roll back'),
    h('div', { class: 'filters' }, h('div', { class: 'field' }, h('label', { for: 'active-reason' }, 'Reason'), reason), rollback, shadowOff),
    status,
  );
}

export async function render(root: HTMLElement, params: string[], flash?: HTMLElement): Promise<void> {
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

  const again = (message: HTMLElement) => void render(root, params, message).catch((err) => mount(root, problemBox(err)));
  const policyIds = [...new Set(versions.map((v) => v.policy))];
  mount(
    root,
    h('h1', null, 'Policies'),
    flash,
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
      activeActions(list, again),
    ),
    section(
      'Versions',
      h('div', { class: 'toolbar' }, h('label', { for: 'state-filter' }, 'State '), stateFilter, ' ', count),
      holder,
    ),
    hasRole('author') ? section('Upload a version', uploadForm(policyIds, again)) : null,
  );
}
