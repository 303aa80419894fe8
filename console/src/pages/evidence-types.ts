// Types of the evidence API (policy-admin rest.EvidenceResource, EvidenceJobView); declared here
// until the lead regenerates api-types.ts.

export type EvidenceKind = 'REGRESSION' | 'IMPACT_BOOK' | 'IMPACT_DECISIONS' | 'COVERAGE';
export type EvidenceState = 'QUEUED' | 'RUNNING' | 'DONE' | 'FAILED' | 'CANCELLED';

export interface EvidenceJob {
  id: string;
  kind: EvidenceKind;
  policy: string;
  version: string;
  bundleHash: string;
  baselineRef?: string;
  baselineHash?: string;
  parameters?: Record<string, unknown>;
  dataHashes?: Record<string, string>;
  state: EvidenceState;
  progressDone: number;
  progressTotal: number;
  cancelRequested: boolean;
  requestedBy: string;
  requestedAt: string;
  startedAt?: string;
  finishedAt?: string;
  ageSeconds: number;
  elapsedSeconds?: number;
  outcome?: string;
  summary?: string;
  hasJunitXml: boolean;
  result?: unknown;
}

export interface EvidenceOptions {
  suites: string[];
  books: string[];
  defaultBook: string;
  portfolios: string[];
  dataSets: string[];
  maxGenerated: number;
  maxDecisions: number;
  baseline: string | null;
}

export interface RegressionFailure {
  check: string;
  expected: string;
  actual: string;
  line: number;
  message: string;
}

export interface RegressionCase {
  account: string;
  market: string;
  result: 'passed' | 'failed' | 'unchecked' | 'error';
  checks: number;
  status?: string;
  failures: RegressionFailure[];
  skipped: { line: number; versions: string[] }[];
}

export interface RegressionSuite {
  suite: string;
  file: string;
  policy: string;
  cases: number;
  checks: number;
  failures: number;
  failedCases: number;
  skippedExpectations: number;
  uncheckedCases: number;
  passed: boolean;
  casesListed: number;
  caseResults: RegressionCase[];
}

export interface RegressionResultJson {
  passed: boolean;
  cases: number;
  checks: number;
  failures: number;
  failedCases: number;
  skippedExpectations: number;
  uncheckedCases: number;
  suites: RegressionSuite[];
}

export interface Histogram {
  xAxis: string;
  yAxis: string;
  count: number;
  min?: string | number;
  max?: string | number;
  bins: { from: number; to: number; count: number }[];
}

export interface ImpactChange {
  account: string;
  marketState: string;
  status: { baseline: string; candidate: string };
  initialMargin: { baseline: string; candidate: string };
  maintenanceMargin: { baseline: string; candidate: string };
  differences: { position?: string; field: string; kind: string; baseline: unknown; candidate: unknown }[];
  tableRowsChanged?: string[];
  firedOnlyInBaseline?: string[];
  firedOnlyInCandidate?: string[];
}

export interface ImpactJson {
  suite: string;
  baseline: { ref?: string; id?: string; version?: string; hash?: string };
  candidate: { ref?: string; id?: string; version?: string; hash?: string };
  accounts: number;
  marketStates: string[];
  cells: number;
  changedCells: number;
  changedAccounts: number;
  statusChanges: number;
  failedCells: number;
  failures: { account: string; marketState: string; policyFault: boolean; reason: string }[];
  summary: {
    statusTransitions: Record<string, Record<string, number>>;
    accountsChanged: Record<string, number>;
    failedCells: number;
    failedAccounts: number;
  };
  totals: {
    marketState: string;
    initialMargin: { baseline: string; candidate: string; change: string };
    maintenanceMargin: { baseline: string; candidate: string; change: string };
    changedAccounts: number;
    failedCells: number;
  }[];
  changesListed: number;
  changes: ImpactChange[];
  timingsSeconds: Record<string, number>;
}

export interface ImpactResultJson {
  histograms: { initialMargin: Histogram; maintenanceMargin: Histogram };
  impact: ImpactJson;
}

export interface BacktestSide {
  policy: string;
  summary: {
    observations: number;
    breaches: number;
    coverageRatio: number;
    averageMargin: number;
    peakMargin: number;
    trafficLight: string;
    kupiecPValue: number;
  };
  tests: { kupiec: { statistic: number; pValue: number; rejectedAt5Percent: boolean }; trafficLight: { zone: string } };
  breaches: { date: string; margin: number; loss: number; shortfall: number }[];
  dates: string[];
  margins: number[];
  losses: number[];
}

export interface CoverageResultJson {
  portfolio: string;
  data: { name: string; version: string; hash: string };
  mporDays: number;
  confidence: number;
  candidate: BacktestSide;
  baseline: BacktestSide;
}
