// The API's JSON bodies the pages read (admin/rest records, as the service's /openapi describes
// them). Instants are ISO-8601 strings, decimals strings.

export type PolicyState = 'DRAFT' | 'VALIDATED' | 'APPROVED' | 'ACTIVE' | 'RETIRED' | 'REJECTED';
export const POLICY_STATES: PolicyState[] = ['DRAFT', 'VALIDATED', 'APPROVED', 'ACTIVE', 'RETIRED', 'REJECTED'];

export interface CompilationProblem {
  file: string | null;
  line: number;
  message: string;
}

export interface ValidationReport {
  policy: string;
  bundleHash: string;
  passed: boolean;
  checks: string[];
  problems: CompilationProblem[];
  validatedAt: string | null;
  warnings: CompilationProblem[];
}

export interface PolicyEvent {
  id: string;
  sequence: number;
  action: string;
  policyId: string;
  version: string;
  bundleHash: string | null;
  actor: string;
  at: string;
  effectiveAt: string | null;
  reason: string | null;
  detail: string | null;
}

export interface PolicyVersionView {
  policy: string;
  version: string;
  state: PolicyState;
  reviewState: PolicyState;
  bundleHash: string;
  author: string | null;
  uploadedAt: string | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
  reviewComment: string | null;
  report?: ValidationReport;
  events?: PolicyEvent[];
  files?: string[];
}

export interface ActivePolicy {
  now: string;
  active: string | null;
  scheduled: { effectiveAt: string; policy: string }[];
  shadow?: { attachedTo: string; candidate: string; evaluating: boolean; tolerance: string | null };
}

export interface PolicyList {
  active: ActivePolicy;
  versions: PolicyVersionView[];
}

/** GET /policies/{id}/versions/{v}/tables (admin application.PolicyTables, read by the engine's dmn.DecisionTables). */
export interface TableColumn {
  kind: 'INPUT' | 'OUTPUT' | 'ANNOTATION';
  name: string;
  expression: string | null;
  type: string | null;
}

export interface TableRow {
  /** 1-based, as explanations' table hits and the diff number rows. */
  number: number;
  id: string | null;
  description: string | null;
  /** One per column, in the columns' order. */
  cells: string[];
}

export interface DecisionTable {
  file: string;
  decision: string;
  hitPolicy: string;
  aggregation: string | null;
  outputLabel: string | null;
  columns: TableColumn[];
  rows: TableRow[];
}

export interface PolicyTables {
  policy: string;
  version: string;
  bundleHash: string;
  tables: DecisionTable[];
  unreadable: { file: string; problem: string }[];
}

export interface PolicyEventPage {
  items: PolicyEvent[];
  page: number;
  size: number;
  total: number;
}

export interface PolicyStamp {
  id: string;
  version: string;
  hash: string;
}

export interface DecisionSummary {
  id: string;
  sequence: number;
  createdAt: string;
  createdBy: string;
  accountId: string;
  policy: PolicyStamp;
  status: string;
  asOf: string | null;
  decisionHash: string;
}

export interface DecisionPage {
  items: DecisionSummary[];
  page: number;
  size: number;
  total: number;
}
