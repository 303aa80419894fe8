// Review actions on a version: approve or reject with a required comment, activate now or at an
// instant, attach as shadow candidate. The service decides (roles, four eyes, states); the page
// shows its refusal as it is, and after each action the audit event the action produced.

import { currentUser, hasRole, get, post, put, seg } from './api';
import type { PolicyEvent, PolicyVersionView } from './types';
import { badge, facts, h, instant, mount, problemBox, type Child } from './ui';

/** The audited event, shown after an action. */
export function eventBox(title: string, e: PolicyEvent | undefined): HTMLElement {
  return h(
    'div',
    { class: 'done', role: 'status', 'data-test': 'action-result' },
    h('strong', null, title),
    e
      ? facts([
          ['Audit event', [badge(e.action, 'event'), ` ${e.policyId}@${e.version}`]],
          ['By', e.actor],
          ['At', instant(e.at)],
          ['Effective', instant(e.effectiveAt)],
          ['Reason', e.reason],
          ['Chain sequence', String(e.sequence)],
        ])
      : null,
  );
}

/** A datetime-local value read as UTC, as an ISO instant ('' when empty). */
export function utcInstant(value: string): string {
  const v = value.trim();
  if (!v) return '';
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(v) ? v + ':00Z' : /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/.test(v) ? v + 'Z' : v;
}


/**
 * The review section. `done(message)` re-renders the page and shows the message on top.
 */
export function reviewSection(v: PolicyVersionView, done: (message: HTMLElement) => void): HTMLElement | null {
  const status = h('div', { 'aria-live': 'polite' });
  const ref = `${v.policy}/versions/${v.version}`;
  const base = `/policies/${seg(v.policy)}/versions/${seg(v.version)}`;
  const run = async (button: HTMLButtonElement, title: string, action: () => Promise<PolicyEvent | undefined>) => {
    button.disabled = true;
    mount(status, h('p', { class: 'muted' }, 'Working…'));
    try {
      const event = await action();
      done(eventBox(title, event));
    } catch (err) {
      mount(status, problemBox(err));
    } finally {
      button.disabled = false;
    }
  };
  /** The newest event of this version after an approve or reject (they answer with the version). */
  const latestEvent = (view: PolicyVersionView | undefined) =>
    [...(view?.events ?? [])].sort((a, b) => b.sequence - a.sequence)[0];
  const parts: Child[] = [];
  const me = currentUser()?.user;

  if (v.state === 'VALIDATED' && hasRole('approver')) {
    const comment = h('textarea', { id: 'review-comment', name: 'comment', rows: 3, cols: 60, required: true });
    const approve = h('button', { type: 'button', id: 'approve' }, 'Approve');
    const reject = h('button', { type: 'button', id: 'reject', class: 'secondary' }, 'Reject');
    const review = (button: HTMLButtonElement, verb: 'approve' | 'reject') => () => {
      if (!comment.value.trim()) {
        mount(status, h('div', { class: 'problem', role: 'alert' }, h('strong', null, 'A comment is required to approve or reject.')));
        comment.focus();
        return;
      }
      void run(button, verb === 'approve' ? 'Approved.' : 'Rejected.', async () => {
        await post<PolicyVersionView>(`${base}/${verb}`, { comment: comment.value.trim() });
        return latestEvent(await get<PolicyVersionView>(base));
      });
    };
    approve.addEventListener('click', review(approve, 'approve'));
    reject.addEventListener('click', review(reject, 'reject'));
    parts.push(
      h('h3', null, 'Approve or reject'),
      me && v.author === me
        ? h(
            'p',
            { class: 'four-eyes', 'data-test': 'four-eyes' },
            `Four eyes: you (${me}) authored this version; another approver must review it. The service refuses an approval or rejection by its author.`,
          )
        : null,
      h('div', { class: 'field' }, h('label', { for: 'review-comment' }, 'Comment (required)'), comment),
      h('div', { class: 'toolbar' }, approve, reject),
    );
  }

  if (v.state === 'VALIDATED' && !hasRole('approver')) {
    parts.push(
      h(
        'p',
        { class: 'muted', 'data-test': 'review-role' },
        me && v.author === me
          ? `You (${me}) authored this version; an approver other than you must review it.`
          : 'Approving or rejecting a version needs the approver role.',
      ),
    );
  }

  if (v.state === 'APPROVED' && hasRole('approver')) {
    const reason = h('input', { id: 'activate-reason', name: 'reason', size: 50 });
    const at = h('input', { id: 'activate-at', name: 'effectiveAt', type: 'datetime-local' });
    const activate = h('button', { type: 'button', id: 'activate' }, 'Activate');
    activate.addEventListener('click', () => {
      const body: { reason: string; effectiveAt?: string } = { reason: reason.value.trim() };
      const when = utcInstant(at.value);
      if (when) body.effectiveAt = when;
      void run(activate, when ? `Activation scheduled for ${when}.` : 'Activated.', () => post<PolicyEvent>(`${base}/activate`, body));
    });
    parts.push(
      h('h3', null, 'Activate'),
      h(
        'div',
        { class: 'filters' },
        h('div', { class: 'field' }, h('label', { for: 'activate-reason' }, 'Reason'), reason),
        h('div', { class: 'field' }, h('label', { for: 'activate-at' }, 'Effective at (UTC, empty: now)'), at),
        activate,
      ),
    );
  }

  if ((v.state === 'VALIDATED' || v.state === 'APPROVED') && hasRole('approver')) {
    const reason = h('input', { id: 'shadow-reason', name: 'reason', size: 40 });
    const tolerance = h('input', { id: 'shadow-tolerance', name: 'tolerance', size: 10, inputmode: 'decimal' });
    const shadow = h('button', { type: 'button', id: 'shadow-on', class: 'secondary' }, 'Run as shadow');
    shadow.addEventListener('click', () => {
      const body: { policy: string; reason: string; tolerance?: string } = { policy: `${v.policy}@${v.version}`, reason: reason.value.trim() };
      if (tolerance.value.trim()) body.tolerance = tolerance.value.trim();
      void run(shadow, 'Shadow candidate attached.', () => put<PolicyEvent>('/policies/active/shadow', body));
    });
    parts.push(
      h('h3', null, 'Shadow'),
      h(
        'p',
        { class: 'muted' },
        'Evaluate live decisions again under this version beside the active one and record where they differ (money figures within the tolerance count as equal).',
      ),
      h(
        'div',
        { class: 'filters' },
        h('div', { class: 'field' }, h('label', { for: 'shadow-reason' }, 'Reason'), reason),
        h('div', { class: 'field' }, h('label', { for: 'shadow-tolerance' }, 'Tolerance (valuation currency)'), tolerance),
        shadow,
      ),
    );
  }

  if (parts.length === 0) return null;
  return h('section', { 'data-ref': ref }, h('h2', null, 'Review'), parts, status);
}
