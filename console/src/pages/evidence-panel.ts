// The evidence panel of a version's page: every evidence run on this version (what it ran on, its
// result and its age, linked to its page) so the approver sees it before approving, and for
// authors and approvers the forms that start regression, impact and coverage runs. The list
// refreshes itself while a run is queued or running.

import { get, hasRole, post, seg } from '../api';
import type { PolicyVersionView } from '../types';
import type { EvidenceJob, EvidenceOptions } from './evidence-types';
import { age, finished, KIND_LABEL, progressOf, stateBadges } from './evidence-common';
import { h, instant, mount, problemBox, routeHref, shortHash, table } from '../ui';

const POLL_MS = 1000;

export function evidenceSection(v: PolicyVersionView): HTMLElement {
  const list = h('div', { 'data-test': 'evidence-list' }, h('p', { class: 'muted' }, 'Loading evidence…'));
  const status = h('div', { 'aria-live': 'polite' });
  const controls = h('div', null);
  const root = h(
    'section',
    { 'data-test': 'evidence', id: 'evidence' },
    h('h2', null, 'Evidence'),
    h(
      'p',
      { class: 'muted' },
      'Regression, impact and coverage runs on this version’s stored bundle ',
      shortHash(v.bundleHash),
      ', each kept with the hashes of what it read. Approvers: check each run and its age before approving.',
    ),
    list,
    controls,
    status,
  );
  let timer: number | undefined;

  const refresh = async (): Promise<void> => {
    if (timer !== undefined) window.clearTimeout(timer);
    timer = undefined;
    let jobs: EvidenceJob[];
    try {
      jobs = await get<EvidenceJob[]>(`/evidence?policy=${seg(v.policy)}&version=${seg(v.version)}`);
    } catch (err) {
      mount(list, problemBox(err));
      return;
    }
    mount(
      list,
      jobs.length
        ? table(
            ['Run', 'State', 'Result', 'Ran on', 'By', 'Requested', 'Age'],
            jobs.map((j) => ({
              cells: [
                h('a', { href: routeHref('evidence', j.id), 'data-test': 'evidence-link' }, KIND_LABEL[j.kind]),
                finished(j) ? stateBadges(j) : [stateBadges(j), ' ', progressOf(j, hasRole('author', 'approver'), () => void refresh())],
                j.summary ?? '',
                [shortHash(j.bundleHash), j.baselineRef ? [' vs ', h('code', null, j.baselineRef), ' ', shortHash(j.baselineHash)] : null],
                j.requestedBy,
                instant(j.requestedAt),
                h('span', { 'data-test': 'evidence-age', 'data-seconds': j.ageSeconds }, finished(j) ? `${age(j.ageSeconds)} ago` : 'running'),
              ],
              attrs: { 'data-kind': j.kind, 'data-state': j.state, 'data-id': j.id, 'data-outcome': j.outcome ?? '' },
            })),
            { 'data-test': 'evidence-runs', caption: `Evidence runs on ${v.policy} version ${v.version}, newest first` },
          )
        : h('p', { 'data-test': 'evidence-none' }, 'No evidence has been run on this version yet.'),
    );
    if (jobs.some((j) => !finished(j)) && root.isConnected) {
      timer = window.setTimeout(() => void refresh(), POLL_MS);
    } else if (!root.isConnected && jobs.some((j) => !finished(j))) {
      // Not on the page yet (first render): try again shortly; stop once the page is gone.
      timer = window.setTimeout(() => {
        if (root.isConnected) void refresh();
      }, POLL_MS);
    }
  };

  const start = async (button: HTMLButtonElement, body: Record<string, unknown>) => {
    button.disabled = true;
    mount(status, h('p', { class: 'muted' }, 'Starting…'));
    try {
      const job = await post<EvidenceJob>('/evidence', { policy: v.policy, version: v.version, ...body });
      mount(
        status,
        h('p', { class: 'done', role: 'status', 'data-test': 'evidence-started' }, `${KIND_LABEL[job.kind]} started: `, h('a', { href: routeHref('evidence', job.id) }, 'open the run')),
      );
      await refresh();
    } catch (err) {
      mount(status, problemBox(err));
    } finally {
      button.disabled = false;
    }
  };

  const buildControls = async () => {
    if (!hasRole('author', 'approver')) return;
    let options: EvidenceOptions;
    try {
      options = await get<EvidenceOptions>(`/evidence/options?policy=${seg(v.policy)}`);
    } catch (err) {
      mount(controls, problemBox(err));
      return;
    }
    const regression = h('button', { type: 'button', id: 'run-regression' }, 'Run regression');
    regression.addEventListener('click', () => void start(regression, { kind: 'REGRESSION' }));
    const books = [...options.books, ...options.suites.filter((s) => !options.books.includes(s))];
    const book = h('select', { id: 'impact-book', name: 'impact-book' }, books.map((b) => h('option', { value: b }, b)));
    if (books.includes(options.defaultBook)) book.value = options.defaultBook;
    const generate = h('input', { id: 'impact-generate', name: 'impact-generate', type: 'number', min: 1, max: options.maxGenerated, placeholder: 'book’s count' });
    const impactBook = h('button', { type: 'button', id: 'run-impact-book' }, 'Run impact over the book');
    impactBook.addEventListener('click', () =>
      void start(impactBook, { kind: 'IMPACT_BOOK', suite: book.value, generate: generate.value ? Number(generate.value) : undefined }),
    );
    const decisions = h('input', { id: 'impact-decisions', name: 'impact-decisions', type: 'number', min: 1, max: options.maxDecisions, value: 1000 });
    const impactDecisions = h('button', { type: 'button', id: 'run-impact-decisions' }, 'Run impact over stored decisions');
    impactDecisions.addEventListener('click', () => void start(impactDecisions, { kind: 'IMPACT_DECISIONS', decisions: Number(decisions.value) }));
    const portfolio = h('select', { id: 'coverage-portfolio', name: 'coverage-portfolio' }, options.portfolios.map((p) => h('option', { value: p }, p)));
    const dataSet = h('select', { id: 'coverage-data', name: 'coverage-data' }, options.dataSets.map((d) => h('option', { value: d }, d)));
    const coverage = h('button', { type: 'button', id: 'run-coverage' }, 'Run coverage backtest');
    coverage.addEventListener('click', () => void start(coverage, { kind: 'COVERAGE', portfolio: portfolio.value, dataSet: dataSet.value }));
    mount(
      controls,
      h('h3', null, 'Run evidence'),
      h('p', { class: 'muted' }, options.baseline ? ['Impact and coverage compare this version with ', h('code', null, options.baseline), '.'] : 'No approved version to compare with.'),
      h('div', { class: 'toolbar' }, regression, h('span', { class: 'muted' }, ` suites: ${options.suites.join(', ') || 'none for this policy'}`)),
      h('div', { class: 'toolbar' }, h('label', { for: 'impact-book' }, 'Book'), book, h('label', { for: 'impact-generate' }, 'Accounts'), generate, impactBook),
      h('div', { class: 'toolbar' }, h('label', { for: 'impact-decisions' }, 'Last N decisions'), decisions, impactDecisions),
      options.portfolios.length && options.dataSets.length
        ? h('div', { class: 'toolbar' }, h('label', { for: 'coverage-portfolio' }, 'Portfolio'), portfolio, h('label', { for: 'coverage-data' }, 'Data set'), dataSet, coverage)
        : h('p', { class: 'muted' }, 'Coverage needs a backtest portfolio and a market data set (none configured).'),
    );
  };

  void refresh();
  void buildControls();
  return root;
}
