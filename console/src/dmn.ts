// A DMN decision table as an HTML table, from the API's structured rows
// (GET /policies/{id}/versions/{v}/tables, read by the engine's dmn.DecisionTables): rows numbered
// from 1 as explanations number their table hits, columns by the names the diff uses.

import { get, seg } from './api';
import type { DecisionTable, PolicyTables, TableColumn } from './types';
import { h, table, type Attrs, type Child, type Row } from './ui';

/** The version's decision tables. */
export function fetchTables(id: string, version: string): Promise<PolicyTables> {
  return get<PolicyTables>(`/policies/${seg(id)}/versions/${seg(version)}/tables`);
}

const KIND: Record<TableColumn['kind'], string> = { INPUT: 'input', OUTPUT: 'output', ANNOTATION: 'annotation' };

export function columnHead(c: TableColumn): Child {
  const kind = KIND[c.kind];
  return h(
    'span',
    { class: `col-${kind}` },
    h('span', { class: 'col-kind' }, kind),
    ' ',
    c.name,
    c.type ? h('span', { class: 'muted' }, ` : ${c.type}`) : null,
    c.expression && c.expression !== c.name ? h('div', { class: 'muted' }, h('code', null, c.expression)) : null,
  );
}

export function cellContent(c: TableColumn, text: string): Child {
  return c.kind === 'ANNOTATION' ? h('span', { class: 'annotation' }, text) : h('code', null, text);
}

export function tableCaption(t: DecisionTable): string {
  return [t.decision, `hit policy ${t.hitPolicy}${t.aggregation ? ' ' + t.aggregation : ''}`, t.file ? `in ${t.file}` : '']
    .filter(Boolean)
    .join(' · ');
}

/**
 * The table; the rows numbered in `hits` get class `hit`. `rowAttrs` adds attributes and classes
 * per row (the diff marks rows and cells with it).
 */
export function decisionTable(
  t: DecisionTable,
  hits: number[] = [],
  options: { cell?: (row: number, column: number) => Attrs | undefined; row?: (row: number) => Attrs | undefined; attrs?: Attrs } = {},
): HTMLElement {
  const rows: Row[] = t.rows.map((r) => {
    const { class: extraClass, ...extra } = options.row?.(r.number) ?? {};
    const cls = [hits.includes(r.number) ? 'hit' : '', extraClass ? String(extraClass) : ''].filter(Boolean).join(' ');
    return {
      cells: [String(r.number), ...t.columns.map((c, i) => cellContent(c, r.cells[i] ?? ''))],
      className: cls || undefined,
      attrs: { ...extra, 'data-row': r.number },
    };
  });
  const element = table(['#', ...t.columns.map(columnHead)], rows, {
    class: 'decision-table',
    'data-test': 'decision-table',
    'data-decision': t.decision,
    caption: tableCaption(t),
    ...options.attrs,
  });
  if (options.cell) {
    // Cell attributes (class `changed`, a title) on the rendered cells: column i is td i + 1.
    element.querySelectorAll<HTMLTableRowElement>('tbody tr').forEach((tr, r) => {
      const number = t.rows[r].number;
      t.columns.forEach((_, i) => {
        const attrs = options.cell!(number, i);
        const td = tr.cells[i + 1];
        if (!attrs || !td) return;
        for (const [k, v] of Object.entries(attrs)) {
          if (v === null || v === undefined || v === false || typeof v === 'function') continue;
          if (k === 'class') td.classList.add(...String(v).split(' ').filter(Boolean));
          else td.setAttribute(k, v === true ? '' : String(v));
        }
      });
    });
  }
  return h('div', { class: 'table-wrap dmn' }, element);
}

/** The tables section body: every table, and the files that could not be read. */
export function allTables(body: PolicyTables): Child[] {
  return [
    body.tables.length ? body.tables.map((t) => decisionTable(t)) : h('p', { class: 'muted' }, 'This version has no DMN decision table.'),
    body.unreadable.map((u) => h('p', { class: 'problem' }, h('code', null, u.file), ': ', u.problem)),
  ];
}
