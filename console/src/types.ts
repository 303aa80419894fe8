// The API's JSON bodies the pages read (admin/rest records, as the service's /openapi describes
// them). Instants are ISO-8601 strings, decimals strings.

import type { components } from './api-types';

type Schemas = components['schemas'];

/** The lifecycle actions and decision statuses as the OpenAPI document enumerates them. */
export type PolicyAction = NonNullable<Schemas['PolicyEvent']['action']>;
export type DecisionStatus = NonNullable<Schemas['DecisionSummary']['status']>;

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
  action: PolicyAction;
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
  status: DecisionStatus;
  asOf: string | null;
  decisionHash: string;
}

export interface DecisionPage {
  items: DecisionSummary[];
  page: number;
  size: number;
  total: number;
}

// ---- Checked against the OpenAPI document ------------------------------------------------------
// api-types.ts is generated from the service's /openapi by openapi-typescript (`npm run api-types`,
// committed). Its schemas mark no field required or nullable, while the service writes every field
// (null where absent), so the pages keep the precise types above; the type check below (run by
// `npm run build`) fails when one of them names a field the document lacks or gives a field a type
// the document does not allow (nulls aside).
type DeepNonNull<T> = T extends (infer U)[] ? DeepNonNull<U>[] : T extends object ? { [K in keyof T]: DeepNonNull<NonNullable<T[K]>> } : NonNullable<T>;
type Conforms<Hand, Doc> = [Exclude<keyof Hand, keyof Doc>] extends [never]
  ? DeepNonNull<Hand> extends DeepNonNull<Doc>
    ? true
    : false
  : false;
type Assert<T extends true> = T;

export type OpenApiConformance = [
  Assert<Conforms<CompilationProblem, Schemas['CompilationProblem']>>,
  Assert<Conforms<ValidationReport, Schemas['ValidationReport']>>,
  Assert<Conforms<PolicyEvent, Schemas['PolicyEvent']>>,
  Assert<Conforms<PolicyEventPage, Schemas['PolicyEventPage']>>,
  Assert<Conforms<PolicyVersionView, Schemas['PolicyVersionView']>>,
  Assert<Conforms<PolicyList, Schemas['PolicyList']>>,
  Assert<Conforms<ActivePolicy, Schemas['ActivePolicy']>>,
  Assert<Conforms<TableColumn, Schemas['Column']>>,
  Assert<Conforms<TableRow, Schemas['Row']>>,
  Assert<Conforms<DecisionTable, Schemas['Table']>>,
  Assert<Conforms<PolicyTables, Schemas['PolicyTables']>>,
  Assert<Conforms<PolicyStamp, Schemas['PolicyStamp']>>,
  Assert<Conforms<DecisionSummary, Schemas['DecisionSummary']>>,
  Assert<Conforms<DecisionPage, Schemas['DecisionPage']>>,
];
