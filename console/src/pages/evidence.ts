// One evidence run (#/evidence/<id>): what it ran on (version, bundle hash, baseline, input
// hashes), its state with a progress bar and Cancel while it runs (the page polls; a reload finds
// the run where it is), and its result: regression cases and expectations (failed, skipped and
// unchecked shown as such, JUnit XML download), impact totals per market state, the status
// transition matrix, IM and MM change histograms, changes by kind and the top accounts with their
// explanation diffs, or the coverage backtests side by side.

import { get, getText, hasRole, seg } from '../api';
import type {
  BacktestSide, CoverageResultJson, EvidenceJob, ImpactResultJson, RegressionResultJson,
} from './evidence-types';
import { age, finished, KIND_LABEL, progressOf, stateBadges } from './evidence-common';
import { breachesChart, histogramChart } from './evidence-charts';
import { badge, facts, h, instant, link, mount, problemBox, section, shortHash, table, type Child } from '../ui';

const POLL_MS = 1000;

function money(x: unknown): string {
  const n = Number(x);
  if (x === null || x === undefined || Number.isNaN(n)) return String(x ?? '');
  return n.toLocaleString('en-US', { maximumFractionDigits: 8 });
}

function signed(x: unknown): string {
  const n = Number(x);
  return (n > 0 ? '+' : '') + money(x);
}

function regression(job: EvidenceJob, r: RegressionResultJson): Child[] {
  const download = h('button', { type: 'button', id: 'download-junit', 'data-test': 'download-junit' }, 'Download JUnit XML');
  const downloadStatus = h('span', null);
  download.addEventListener('click', async () => {
    try {
      const xml = await getText(`/evidence/${seg(job.id)}/junit.xml`);
      const url = URL.createObjectURL(new Blob([xml], { type: 'application/xml' }));
      const a = h('a', { href: url, download: `regress-${job.policy}-${job.version}.xml`, 'data-test': 'junit-link' }, 'JUnit XML');
      mount(downloadStatus, ' ', a);
      a.click();
    } catch (err) {
      mount(downloadStatus, problemBox(err));
    }
  });
  return [
    section(
      'Regression',
      h(
        'p',
        { 'data-test': 'regression-verdict', 'data-passed': String(r.passed) },
        r.passed ? badge('passed', 'approved') : badge('failed', 'rejected'),
        ` ${r.failures} failed expectation(s) in ${r.failedCases} case(s); ${r.checks} checks over ${r.cases} cases; ${r.skippedExpectations} expectation(s) skipped (pinned to other versions); ${r.uncheckedCases} case(s) with no check.`,
      ),
      job.hasJunitXml ? h('div', { class: 'toolbar' }, download, downloadStatus) : null,
    ),
    r.suites.map((s) =>
      section(
        `Suite ${s.suite} (${s.file})`,
        facts([
          ['Cases', String(s.cases)],
          ['Checks', String(s.checks)],
          ['Failed expectations', String(s.failures)],
          ['Skipped expectations', String(s.skippedExpectations)],
          ['Cases with no check', String(s.uncheckedCases)],
        ]),
        table(
          ['Account', 'Market state', 'Result', 'Status', 'Checks', 'Failed expectations', 'Skipped expectations'],
          s.caseResults.map((c) => ({
            cells: [
              h('code', null, c.account),
              c.market,
              badge(c.result, c.result === 'passed' ? 'approved' : c.result === 'unchecked' ? 'warning' : 'rejected'),
              c.status ? badge(c.status) : '',
              String(c.checks),
              c.failures.length
                ? h('ul', null, c.failures.map((f) => h('li', { 'data-test': 'expectation-failure' }, h('code', null, f.check), ` expected ${f.expected}, was ${f.actual}`, f.line > 0 ? ` (line ${f.line})` : '')))
                : '',
              c.skipped.length ? h('ul', null, c.skipped.map((x) => h('li', null, `line ${x.line}: only for version(s) ${x.versions.join(', ')}`))) : '',
            ],
            className: c.result === 'passed' ? undefined : c.result,
            attrs: { 'data-result': c.result, 'data-account': c.account, 'data-market': c.market },
          })),
          { 'data-test': 'regression-cases', caption: `${s.casesListed} of ${s.cases} cases listed` },
        ),
      ),
    ),
  ];
}

const STATUSES = ['OK', 'MARGIN_CALL', 'LIQUIDATE'];

function impact(result: ImpactResultJson): Child[] {
  const r = result.impact;
  const baseline = `${r.baseline.id}@${r.baseline.version}`;
  const candidate = `${r.candidate.id}@${r.candidate.version}`;
  const transitions = r.summary.statusTransitions ?? {};
  const statuses = [...new Set([...STATUSES, ...Object.keys(transitions), ...Object.values(transitions).flatMap((row) => Object.keys(row))])];
  const matrix = table(
    [h('span', null, `${baseline} ↓ / ${candidate} →`), ...statuses.map((s) => badge(s))],
    statuses.map((from) => ({
      cells: [
        badge(from),
        ...statuses.map((to) => {
          const n = transitions[from]?.[to] ?? 0;
          return h('span', { 'data-from': from, 'data-to': to, 'data-count': n, class: from !== to && n > 0 ? 'transition' : undefined }, from !== to && n > 0 ? h('strong', null, String(n)) : String(n));
        }),
      ],
    })),
    { 'data-test': 'transition-matrix', caption: 'Decided cells by status under the baseline (rows) and the candidate (columns); off the diagonal: status changes' },
  );
  const kinds = r.summary.accountsChanged ?? {};
  return [
    section(
      'Impact',
      facts([
        ['Compared', [h('code', null, candidate), ' against ', h('code', null, baseline)]],
        ['Over', r.suite],
        ['Accounts × market states', `${r.accounts.toLocaleString('en-US')} × ${r.marketStates.length} = ${r.cells.toLocaleString('en-US')} cells`],
        ['Changed cells', String(r.changedCells)],
        ['Changed accounts', String(r.changedAccounts)],
        ['Status changes', h('span', { 'data-test': 'status-changes' }, String(r.statusChanges))],
        ['Cells a version could not decide', String(r.failedCells)],
        ['Run time', `${(r.timingsSeconds?.total ?? 0).toFixed(2)} s (decide ${(r.timingsSeconds?.decide ?? 0).toFixed(2)} s)`],
      ]),
    ),
    section(
      'Totals per market state',
      table(
        ['Market state', 'IM baseline', 'IM candidate', 'IM change', 'MM baseline', 'MM candidate', 'MM change', 'Changed accounts', 'Failed cells'],
        r.totals.map((t) => [
          t.marketState,
          money(t.initialMargin.baseline),
          money(t.initialMargin.candidate),
          signed(t.initialMargin.change),
          money(t.maintenanceMargin.baseline),
          money(t.maintenanceMargin.candidate),
          signed(t.maintenanceMargin.change),
          String(t.changedAccounts),
          String(t.failedCells),
        ]),
        { 'data-test': 'impact-totals' },
      ),
    ),
    section('Status transitions', matrix),
    section(
      'Distribution of changes',
      h(
        'div',
        { class: 'charts' },
        histogramChart('Initial margin change per changed cell', result.histograms.initialMargin, 'histogram-im'),
        histogramChart('Maintenance margin change per changed cell', result.histograms.maintenanceMargin, 'histogram-mm'),
      ),
    ),
    section(
      'Changes by kind',
      table(
        ['Kind', 'Accounts'],
        Object.entries(kinds).map(([k, n]) => [k, String(n)]),
        { 'data-test': 'changes-by-kind', caption: 'Accounts with at least one cell changed in that kind (an account counts under every kind it has)' },
      ),
    ),
    section(
      'Top accounts',
      r.changes.length
        ? table(
            ['Account', 'Market state', 'Status', 'IM', 'MM', 'Changed figures', 'Table rows that fired differently', 'Rules fired only before / only after'],
            r.changes.slice(0, 25).map((c) => ({
              cells: [
                h('code', null, c.account),
                c.marketState,
                c.status.baseline === c.status.candidate ? badge(c.status.baseline) : [badge(c.status.baseline), ' → ', badge(c.status.candidate)],
                `${money(c.initialMargin.baseline)} → ${money(c.initialMargin.candidate)}`,
                `${money(c.maintenanceMargin.baseline)} → ${money(c.maintenanceMargin.candidate)}`,
                h('ul', null, c.differences.map((d) => h('li', null, h('code', null, (d.position ? `${d.position} ` : '') + d.field), `: ${String(d.baseline ?? '—')} → ${String(d.candidate ?? '—')}`))),
                h('ul', { 'data-test': 'table-rows-changed' }, (c.tableRowsChanged ?? []).map((t) => h('li', null, t))),
                h(
                  'ul',
                  null,
                  (c.firedOnlyInBaseline ?? []).map((t) => h('li', null, '− ', t)),
                  (c.firedOnlyInCandidate ?? []).map((t) => h('li', null, '+ ', t)),
                ),
              ],
              attrs: { 'data-account': c.account, 'data-status-changed': String(c.status.baseline !== c.status.candidate) },
            })),
            { 'data-test': 'top-accounts', caption: `The first ${Math.min(25, r.changes.length)} of ${r.changedCells} changed cells: status changes first, then the largest MM change` },
          )
        : h('p', null, 'No cell changed.'),
    ),
    r.failures.length
      ? section('Cells a version could not decide', table(['Account', 'Market state', 'Policy fault', 'Reason'], r.failures.map((f) => [f.account, f.marketState, f.policyFault ? 'yes' : 'no', f.reason])))
      : null,
  ];
}

function coverage(r: CoverageResultJson): Child[] {
  const sides: BacktestSide[] = [r.candidate, r.baseline];
  const row = (label: string, f: (s: BacktestSide) => Child): Child[] => [label, ...sides.map(f)];
  // Breaches a margin at this confidence should see over these days: the Kupiec test's mean.
  const expected = (s: BacktestSide) => s.summary.observations * (1 - r.confidence);
  return [
    section(
      'Coverage backtest',
      facts([
        ['Portfolio', r.portfolio],
        ['Data set', [`${r.data.name}@${r.data.version} `, shortHash(r.data.hash)]],
        ['Margin period of risk', `${r.mporDays} day(s)`],
        ['Confidence', String(r.confidence)],
      ]),
      table(
        ['', ...sides.map((s) => h('code', null, s.policy))],
        [
          row('Traffic light', (s) => badge(s.summary.trafficLight, s.summary.trafficLight === 'GREEN' ? 'approved' : s.summary.trafficLight === 'RED' ? 'rejected' : 'warning')),
          row('Kupiec POF p-value', (s) =>
            s.summary.kupiecPValue.toFixed(4) +
            (s.tests.kupiec.rejectedAt5Percent
              ? ` (rejected at 5%: ${s.summary.breaches < expected(s) ? 'fewer breaches than expected, the margin is conservative' : 'more breaches than expected'})`
              : '')),
          row('Breaches', (s) => `${s.summary.breaches} in ${s.summary.observations} days (expected ${expected(s).toFixed(1)} at ${r.confidence})`),
          row('Coverage ratio', (s) => s.summary.coverageRatio.toFixed(4)),
          row('Average margin', (s) => money(s.summary.averageMargin.toFixed(2))),
          row('Peak margin', (s) => money(s.summary.peakMargin.toFixed(2))),
        ],
        { 'data-test': 'coverage-side-by-side', caption: 'The candidate (left) and the baseline (right) over the same days' },
      ),
      breachesChart(r.candidate, r.baseline, 'breaches-chart'),
    ),
  ];
}

export async function render(root: HTMLElement, params: string[]): Promise<void> {
  const [id] = params;
  const job = await get<EvidenceJob>(`/evidence/${seg(id)}`);
  const again = () => {
    if (root.isConnected && location.hash.includes(encodeURIComponent(id))) void render(root, params).catch((err) => mount(root, problemBox(err)));
  };
  const ranOn: [string, Child][] = [
    ['Version', link(`${job.policy} version ${job.version}`, 'policies', job.policy, job.version)],
    ['Bundle hash (SHA-256)', h('code', { class: 'hash-full', 'data-test': 'evidence-bundle-hash' }, job.bundleHash)],
    ['Compared with', job.baselineRef ? [h('code', null, job.baselineRef), ' ', shortHash(job.baselineHash)] : null],
    ['Parameters', job.parameters && Object.keys(job.parameters).length ? h('code', null, JSON.stringify(job.parameters)) : null],
    [
      'Inputs read (SHA-256)',
      job.dataHashes ? h('ul', { 'data-test': 'evidence-data-hashes' }, Object.entries(job.dataHashes).map(([k, v]) => h('li', null, h('code', null, k), ' ', shortHash(v)))) : null,
    ],
    ['Requested', [instant(job.requestedAt), ` by ${job.requestedBy}`]],
    ['Started', instant(job.startedAt)],
    ['Finished', job.finishedAt ? [instant(job.finishedAt), ` (${age(job.ageSeconds)} ago)`] : null],
    ['State', [stateBadges(job), ' ', finished(job) ? '' : progressOf(job, hasRole('author', 'approver'), again)]],
    ['Summary', job.summary ? h('span', { 'data-test': 'evidence-summary' }, job.summary) : null],
  ];
  let body: Child[] = [];
  if (job.state === 'DONE' && job.result) {
    body =
      job.kind === 'REGRESSION'
        ? regression(job, job.result as RegressionResultJson)
        : job.kind === 'COVERAGE'
          ? coverage(job.result as CoverageResultJson)
          : impact(job.result as ImpactResultJson);
  }
  mount(
    root,
    h('p', { class: 'crumbs' }, link('Policies', 'policies'), ' / ', link(job.policy, 'policies', job.policy, job.version), ' / evidence'),
    h('h1', { 'data-test': 'evidence-title' }, `${KIND_LABEL[job.kind]} on ${job.policy} version ${job.version}`),
    facts(ranOn),
    body,
  );
  if (!finished(job)) window.setTimeout(again, POLL_MS);
}
