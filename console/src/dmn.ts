// A DMN decision table as an HTML table, from the API's structured rows (the engine's
// dmn.DecisionTable): rows numbered from 1 as explanations number their table hits.

import type { DecisionTable } from './types';
import { h, table, type Child, type Row } from './ui';

function inputName(c: DecisionTable['inputs'][number]): string {
  return c.name ?? (c.label && c.label.trim() ? c.label : c.expression ?? '');
}

function outputName(c: DecisionTable['outputs'][number]): string {
  return c.name && c.name.trim() ? c.name : c.label ?? '';
}

/** The table; the rows numbered in `hits` get class `hit`. */
export function decisionTable(t: DecisionTable, hits: number[] = []): HTMLElement {
  const head = (name: string, kind: string, type?: string | null, expression?: string | null): Child =>
    h(
      'span',
      { class: `col-${kind}` },
      h('span', { class: 'col-kind' }, kind),
      ' ',
      name,
      type ? h('span', { class: 'muted' }, ` : ${type}`) : null,
      expression && expression !== name ? h('div', { class: 'muted' }, h('code', null, expression)) : null,
    );
  const headers: Child[] = [
    '#',
    ...t.inputs.map((c) => head(inputName(c), 'input', c.type, c.expression)),
    ...t.outputs.map((c) => head(outputName(c), 'output', c.type)),
    ...t.annotations.map((a) => head(a, 'annotation')),
  ];
  const rows: Row[] = t.rows.map((r) => ({
    cells: [
      String(r.number),
      ...r.inputEntries.map((e) => h('code', null, e)),
      ...r.outputEntries.map((e) => h('code', null, e)),
      ...r.annotations,
    ],
    className: hits.includes(r.number) ? 'hit' : undefined,
    attrs: { 'data-row': r.number },
  }));
  const caption = [
    t.decision,
    `hit policy ${t.hitPolicy}${t.aggregation ? ' ' + t.aggregation : ''}`,
    t.file ? `in ${t.file}` : '',
  ]
    .filter(Boolean)
    .join(' · ');
  return h(
    'div',
    { class: 'table-wrap dmn' },
    table(headers, rows, { class: 'decision-table', 'data-test': 'decision-table', 'data-decision': t.decision, caption }),
  );
}

/** The API's answer as a flat list of tables, whether it lists tables or files with their tables. */
export function flattenTables(body: unknown): DecisionTable[] {
  const out: DecisionTable[] = [];
  const visit = (x: unknown, file?: string) => {
    if (Array.isArray(x)) {
      x.forEach((y) => visit(y, file));
    } else if (x && typeof x === 'object') {
      const o = x as Record<string, unknown>;
      if (Array.isArray(o.rows) && Array.isArray(o.inputs)) {
        out.push({ ...(o as unknown as DecisionTable), file: (o.file as string | undefined) ?? file });
      } else if (Array.isArray(o.tables)) {
        visit(o.tables, (o.file as string | undefined) ?? file);
      }
    }
  };
  visit(body);
  return out;
}
