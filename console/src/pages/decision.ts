// One stored decision: headline figures, each position's figures and liquidation price, and the
// explanation as steps. A decision-table hit shows the table with the matched rows (class `hit`).

import { get, getText, hasRole, post, seg } from '../api';
import { decisionTable, fetchTables } from '../dmn';
import type { DecisionTable } from '../types';
import { badge, facts, h, instant, link, mount, problemBox, section, shortHash, table, type Child } from '../ui';

interface Position {
  instrument: string;
  quantity?: string;
  markPrice?: string;
  notional?: string;
  unrealisedPnl?: string;
  initialMargin?: string;
  maintenanceMargin?: string;
  liquidationPrice?: string | null;
  bankruptcyPrice?: string | null;
  parameters?: Record<string, unknown>;
  [key: string]: unknown;
}

interface Step {
  kind: string;
  subject: string;
  [key: string]: unknown;
}

interface MarginDecision {
  accountId: string;
  policy: { id: string; version: string; hash: string };
  asOf: string;
  currency: string;
  status: string;
  initialMargin: string;
  maintenanceMargin: string;
  marginBalance: string;
  marginRatio: string | null;
  walletBalance: string;
  unrealisedPnl: string;
  metrics?: Record<string, unknown>;
  flags?: string[];
  liquidationMoves?: LiquidationMove[];
  positions: Position[];
  explanation?: { captured: boolean; steps: Step[] };
  decisionHash: string;
}

/** Per underlying (or collateral asset): the relative price move that brings the account to its liquidation and margin-call levels. */
interface LiquidationMove {
  underlying: string;
  instruments?: string[];
  measure: string;
  referencePrice: string;
  liquidationLevel?: string | null;
  liquidationMove?: string | null;
  priceAtLiquidation?: string | null;
  marginCallLevel?: string | null;
  marginCallMove?: string | null;
  priceAtMarginCall?: string | null;
  maintenance?: string | null;
  assumptions?: string | null;
  [key: string]: unknown;
}

/**
 * A relative move as a signed percentage, exactly (decimal string shift, no floating point):
 * "-0.00060649" -> "-0.060649%", "0.01351351" -> "+1.351351%", "0.00000000" -> "0%".
 */
export function percent(move: string | null | undefined): string {
  if (move === null || move === undefined) return '—';
  const m = /^([-+]?)(\d+)(?:\.(\d+))?$/.exec(move);
  if (!m) return move;
  const [, sign, whole, frac = ''] = m;
  const padded = frac.padEnd(2, '0');
  const intPart = (whole + padded.slice(0, 2)).replace(/^0+(?=\d)/, '');
  const rest = padded.slice(2).replace(/0+$/, '');
  const body = intPart + (rest ? `.${rest}` : '');
  const zero = !/[1-9]/.test(body);
  return `${zero ? '' : sign === '-' ? '-' : '+'}${body}%`;
}

function liquidationMoves(moves: LiquidationMove[] | undefined): Child {
  if (!moves || moves.length === 0) return null;
  return h(
    'div',
    null,
    h('div', { class: 'table-wrap' },
      table(
        ['Underlying', 'Measure', 'Reference price', 'Liquidation level', 'Move to liquidation', 'Price at liquidation', 'Margin-call level', 'Move to margin call', 'Price at margin call'],
        moves.map((m) => [
          [m.underlying, m.instruments && m.instruments.length ? h('div', { class: 'muted' }, m.instruments.join(', ')) : null],
          h('code', null, m.measure),
          m.referencePrice,
          m.liquidationLevel ?? '—',
          percent(m.liquidationMove),
          m.priceAtLiquidation ?? '—',
          m.marginCallLevel ?? '—',
          percent(m.marginCallMove),
          m.priceAtMarginCall ?? '—',
        ]),
        { 'data-test': 'liquidation-moves', caption: 'Price moves to the liquidation and margin-call levels' },
      ),
    ),
    h('dl', { class: 'notes' },
      moves.flatMap((m) => [
        m.maintenance ? [h('dt', null, `${m.underlying}: maintenance`), h('dd', null, m.maintenance)] : [],
        m.assumptions ? [h('dt', null, `${m.underlying}: assumptions`), h('dd', null, m.assumptions)] : [],
      ]),
    ),
  );
}

interface StoredDecision {
  id: string;
  sequence: number;
  createdAt: string;
  createdBy: string;
  idempotencyKey: string | null;
  decision: MarginDecision;
}

interface TableRow {
  row: number;
  inputEntries: string[];
  outputEntries: string[];
  annotation: string | null;
}

function value(v: unknown): Child {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v);
  return h('code', null, JSON.stringify(v));
}

function keyValues(map: unknown, caption?: string): Child {
  if (!map || typeof map !== 'object' || Object.keys(map).length === 0) return null;
  return table(
    ['Name', 'Value'],
    Object.entries(map as Record<string, unknown>).map(([k, v]) => [h('code', null, k), value(v)]),
    { class: 'kv', caption },
  );
}

/** The version's tables, fetched once per page. */
function tableSource(id: string, version: string): () => Promise<DecisionTable[]> {
  let cached: Promise<DecisionTable[]> | null = null;
  return () => {
    cached ??= fetchTables(id, version).then((body) => body.tables);
    return cached;
  };
}

function tableStep(step: Step, tables: () => Promise<DecisionTable[]>): HTMLElement {
  const matched = (step.matchedRows as number[] | undefined) ?? [];
  const selected = (step.selectedRows as number[] | undefined) ?? [];
  const rows = (step.rows as TableRow[] | undefined) ?? [];
  const holder = h('div', null);
  // The rows the step carries (the selected ones), until the whole table is there.
  const own = table(
    ['#', 'Input entries', 'Output entries', 'Annotation'],
    rows.map((r) => ({
      cells: [String(r.row), h('code', null, r.inputEntries.join(' | ')), h('code', null, r.outputEntries.join(' | ')), r.annotation ?? ''],
      className: matched.includes(r.row) ? 'hit' : undefined,
      attrs: { 'data-row': r.row },
    })),
    { class: 'decision-table', 'data-test': 'decision-table', caption: `${String(step.table)}: selected rows` },
  );
  mount(holder, own);
  tables()
    .then((all) => {
      const name = String(step.table);
      const t = all.find((x) => x.decision === name || x.outputLabel === name);
      if (t) mount(holder, decisionTable(t, matched));
    })
    .catch((err) => {
      // Keep the selected rows (the step itself is complete) and say why the table is missing.
      holder.appendChild(problemBox(err));
    });
  return h(
    'div',
    null,
    facts([
      ['Table', String(step.table)],
      ['Hit policy', String(step.hitPolicy ?? '')],
      ['Matched rows', matched.join(', ') || 'none'],
      ['Selected rows', selected.join(', ') || 'none'],
      ['Output', value(step.output)],
    ]),
    keyValues(step.inputs, 'Inputs'),
    holder,
  );
}

function stepBody(step: Step, tables: () => Promise<DecisionTable[]>): Child {
  switch (step.kind) {
    case 'DMN_TABLE':
      return tableStep(step, tables);
    case 'RULE': {
      const set = (step.set as { target: string; field: string; value: unknown }[] | undefined) ?? [];
      return [
        facts([
          ['Rule', h('strong', null, String(step.rule))],
          ['Group', String(step.group ?? '')],
        ]),
        h('p', null, 'Matched facts:'),
        h('ul', { class: 'matched' }, ((step.matched as string[] | undefined) ?? []).map((m) => h('li', null, m))),
        set.length
          ? table(['Target', 'Field', 'Value set'], set.map((a) => [a.target, h('code', null, a.field), value(a.value)]), { class: 'kv', caption: 'Values set' })
          : null,
      ];
    }
    case 'MEASURE':
      return [
        facts([
          ['Measure', String(step.measure)],
          ['As', h('code', null, String(step.as ?? ''))],
          ['Value', [value(step.value), step.unit ? ` ${String(step.unit)}` : '']],
        ]),
        keyValues(step.parameters, 'Parameters'),
        keyValues(step.inputs, 'Inputs'),
        keyValues(step.details, 'Details'),
      ];
    case 'DMN_DECISION':
      return [
        facts([
          ['Model', String(step.model ?? '')],
          ['Decision', String(step.decision ?? '')],
          ['Result', value(step.result)],
        ]),
        keyValues(step.inputs, 'Inputs'),
      ];
    case 'CALCULATION':
      return [
        facts([
          ['Calculation', String(step.name ?? '')],
          ['Formula', h('code', null, String(step.formula ?? ''))],
          ['Result', value(step.result)],
        ]),
        keyValues(step.inputs, 'Inputs'),
      ];
    default:
      return h('pre', null, JSON.stringify(step, null, 2));
  }
}

const KIND_LABEL: Record<string, string> = {
  MEASURE: 'measure',
  DMN_TABLE: 'decision table',
  DMN_DECISION: 'DMN decision',
  RULE: 'rule fired',
  CALCULATION: 'calculation',
};

export async function render(root: HTMLElement, params: string[]): Promise<void> {
  const [id] = params;
  const stored = await get<StoredDecision>(`/decisions/${seg(id)}`);
  const d = stored.decision;
  const tables = tableSource(d.policy.id, d.policy.version);
  const money = (x: string | null | undefined) => (x === null || x === undefined ? '—' : `${x} ${d.currency}`);

  const positions = table(
    ['Instrument', 'Quantity', 'Mark price', 'Notional', 'Unrealised PnL', 'Initial margin', 'Maintenance margin', 'Liquidation price', 'Bankruptcy price', 'Parameters'],
    d.positions.map((p) => [
      p.instrument,
      p.quantity ?? '',
      p.markPrice ?? '',
      p.notional ?? '',
      p.unrealisedPnl ?? '',
      p.initialMargin ?? '',
      p.maintenanceMargin ?? '',
      p.liquidationPrice ?? '—',
      p.bankruptcyPrice ?? '—',
      p.parameters ? Object.entries(p.parameters).map(([k, v]) => h('div', null, h('code', null, k), ' ', value(v))) : '',
    ]),
    { 'data-test': 'positions', caption: `Positions (${d.currency})` },
  );

  const steps = d.explanation?.steps ?? [];
  const explanation = d.explanation?.captured
    ? h(
        'ol',
        { class: 'steps', 'data-test': 'steps' },
        steps.map((s, i) =>
          h(
            'li',
            { class: `step step-${s.kind.toLowerCase()}`, 'data-kind': s.kind },
            h('h3', null, `${i + 1}. `, badge(KIND_LABEL[s.kind] ?? s.kind, 'event'), ' ', s.subject),
            stepBody(s, tables),
          ),
        ),
      )
    : h('p', { class: 'muted' }, 'No explanation was captured for this decision.');

  const output = h('div', { class: 'tool-output', 'aria-live': 'polite' });
  const show = async (what: () => Promise<Child>) => {
    mount(output, h('p', { class: 'muted' }, 'Loading…'));
    try {
      mount(output, await what());
    } catch (err) {
      mount(output, problemBox(err));
    }
  };
  const replay = async (): Promise<Child> => {
    const r = await post<Record<string, unknown>>(`/decisions/${seg(id)}/replay`);
    const diffs = (r.differences as { path: string; kind: string; stored: unknown; replayed: unknown; delta: unknown }[] | undefined) ?? [];
    return [
      h('h3', null, 'Replay'),
      facts([
        ['Identical', r.identical ? badge('identical', 'approved') : badge('differs', 'rejected')],
        ['Explanation identical', value(r.explanationIdentical)],
        ['Policy content matches', value(r.policyContentMatches)],
      ]),
      diffs.length
        ? table(['Path', 'Kind', 'Stored', 'Replayed', 'Delta'], diffs.map((x) => [h('code', null, x.path), x.kind, value(x.stored), value(x.replayed), value(x.delta)]), {
            'data-test': 'replay-differences',
          })
        : null,
    ];
  };

  mount(
    root,
    h('p', { class: 'crumbs' }, link('Decisions', 'decisions'), ' / ', d.accountId),
    h('h1', null, 'Decision for account ', h('span', { class: 'account' }, d.accountId), ' ', badge(d.status, d.status)),
    facts([
      ['Decision id', h('code', null, stored.id)],
      ['Status', badge(d.status, d.status)],
      ['Policy', link(`${d.policy.id}@${d.policy.version}`, 'policies', d.policy.id, d.policy.version)],
      ['Policy bundle hash', shortHash(d.policy.hash)],
      ['As of', instant(d.asOf)],
      ['Decided', [instant(stored.createdAt), ` by ${stored.createdBy}`]],
      ['Chain sequence', String(stored.sequence)],
      ['Decision hash', shortHash(d.decisionHash)],
    ]),
    section(
      'Headline figures',
      h(
        'div',
        { class: 'figures', 'data-test': 'figures' },
        facts([
          ['Initial margin', money(d.initialMargin)],
          ['Maintenance margin', money(d.maintenanceMargin)],
          ['Margin balance', money(d.marginBalance)],
          ['Margin ratio', d.marginRatio ?? '—'],
          ['Wallet balance', money(d.walletBalance)],
          ['Unrealised PnL', money(d.unrealisedPnl)],
        ]),
        keyValues(d.metrics, 'Metrics'),
        d.flags && d.flags.length ? h('p', { 'data-test': 'flags' }, 'Flags: ', d.flags.map((f) => [badge(f, 'event'), ' '])) : null,
      ),
    ),
    section('Positions', h('div', { class: 'table-wrap' }, positions)),
    d.liquidationMoves && d.liquidationMoves.length ? section('Liquidation moves', liquidationMoves(d.liquidationMoves)) : null,
    section(
      'Tools',
      h(
        'div',
        { class: 'toolbar' },
        h('button', { type: 'button', id: 'replay', onclick: () => void show(replay) }, 'Replay'),
        h('button', { type: 'button', id: 'text-explanation', onclick: () => void show(async () => h('pre', null, await getText(`/decisions/${seg(id)}/explanation`))) }, 'Text explanation'),
        h('button', { type: 'button', id: 'raw-json', onclick: () => void show(async () => h('pre', null, JSON.stringify(stored, null, 2))) }, 'Raw JSON'),
        hasRole('auditor') ? h('a', { id: 'verify-in-log', href: `#/audit?verify=${encodeURIComponent(id)}` }, 'Verify in the signed log') : null,
        hasRole('decider') ? h('a', { id: 'what-if-from', href: `#/what-if?decision=${encodeURIComponent(id)}` }, 'What-if from this account') : null,
      ),
      output,
    ),
    section('Explanation', explanation),
  );
}
