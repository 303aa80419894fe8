// Shared parts of the evidence panel (on a version's page) and the evidence run page.

import { post, seg } from '../api';
import type { EvidenceJob, EvidenceKind } from './evidence-types';
import { badge, h, problemBox } from '../ui';

export const KIND_LABEL: Record<EvidenceKind, string> = {
  REGRESSION: 'Regression',
  IMPACT_BOOK: 'Impact over a book',
  IMPACT_DECISIONS: 'Impact over stored decisions',
  COVERAGE: 'Coverage backtest',
};

/** "12 s", "3 min", "2 h 5 min", "4 days". */
export function age(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  const min = Math.floor(seconds / 60);
  if (min < 60) return `${min} min`;
  const hours = Math.floor(min / 60);
  if (hours < 48) return `${hours} h ${min % 60} min`;
  return `${Math.floor(hours / 24)} days`;
}

export function finished(job: EvidenceJob): boolean {
  return job.state === 'DONE' || job.state === 'FAILED' || job.state === 'CANCELLED';
}

/** The state, and for a finished job its outcome (PASSED, FAILED, CHANGES, GREEN/GREEN...). */
export function stateBadges(job: EvidenceJob): HTMLElement {
  const kind = job.state === 'DONE' ? 'approved' : job.state === 'FAILED' ? 'rejected' : job.state === 'CANCELLED' ? 'retired' : 'scheduled';
  const outcomeKind =
    job.outcome === 'PASSED' || job.outcome === 'NO_CHANGES' ? 'approved' : job.outcome === 'FAILED' || job.outcome === 'FAILURES' ? 'rejected' : 'warning';
  return h(
    'span',
    { 'data-test': 'evidence-state', 'data-state': job.state, 'data-outcome': job.outcome ?? '' },
    badge(job.state, kind),
    job.outcome ? [' ', badge(job.outcome, outcomeKind)] : null,
  );
}

/** A progress bar with its figures; a Cancel button while the job runs (for who may cancel). */
export function progressOf(job: EvidenceJob, canCancel: boolean, onChange: () => void): HTMLElement {
  const total = Math.max(job.progressTotal, 1);
  const status = h('span', { 'aria-live': 'polite' });
  const cancel =
    !finished(job) && canCancel
      ? h(
          'button',
          {
            type: 'button',
            class: 'secondary',
            'data-test': 'evidence-cancel',
            onclick: async (e: Event) => {
              (e.target as HTMLButtonElement).disabled = true;
              try {
                await post(`/evidence/${seg(job.id)}/cancel`);
                onChange();
              } catch (err) {
                status.replaceChildren(problemBox(err));
              }
            },
          },
          job.cancelRequested ? 'Cancelling…' : 'Cancel',
        )
      : null;
  return h(
    'span',
    { class: 'evidence-progress' },
    h('progress', { max: total, value: Math.min(job.progressDone, total), 'data-test': 'evidence-progress', 'aria-label': 'progress' }),
    ` ${job.progressDone.toLocaleString('en-US')} / ${job.progressTotal.toLocaleString('en-US')}`,
    job.elapsedSeconds !== undefined ? ` (${job.elapsedSeconds.toFixed(1)} s)` : '',
    cancel ? [' ', cancel] : null,
    status,
  );
}
