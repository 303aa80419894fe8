// Two versions of one policy compared. The decision tables of both versions (their /tables) side by
// side with the rows the diff reports added, removed or changed marked, and a line diff (jsdiff) of
// every other changed text file (DRL, manifest).
//
// Two versions of one policy compared (GET /policies/{id}/versions/{a}/diff/{b}): every file with
// its change, and for changed decision tables each changed row with its cells by column name
// (`maxLeverage 125 -> 75`), the row numbers those of explanations.

import { diffLines } from 'diff';
import { get, getText, seg } from '../api';
import { decisionTable, fetchTables } from '../dmn';
import type { DecisionTable, PolicyTables } from '../types';
import { badge, h, link, mount, problemBox, section, shortHash, table, type Child, type Row } from '../ui';

interface CellChange {
  column: string;
  from: string | null;
  to: string | null;
}

interface PolicyDiff {
  from: string;
  to: string;
  files: { path: string; change: string; fromHash: string | null; toHash: string | null }[];
  tables: { file: string; table: string; rows: { row: number; change: string; cells: CellChange[] }[] }[];
}

const CHANGE_KIND: Record<string, string> = { ADDED: 'approved', REMOVED: 'rejected', CHANGED: 'scheduled', UNCHANGED: 'retired' };

function cellList(cells: CellChange[]): Child {
  return h(
    'ul',
    { class: 'plain' },
    cells.map((c) =>
      h(
        'li',
        { class: 'changed', 'data-column': c.column },
        h('code', null, c.column),
        ' ',
        h('del', null, c.from ?? '∅'),
        ' → ',
        h('ins', null, c.to ?? '∅'),
      ),
    ),
  );
}

type TableChange = PolicyDiff['tables'][number];

/** The table with only the columns whose index passes `keep` (row numbers unchanged). */
function onlyColumns(t: DecisionTable, keep: (name: string, kind: string) => boolean): DecisionTable {
  const idx = t.columns.map((c, i) => (keep(c.name, c.kind) ? i : -1)).filter((i) => i >= 0);
  return { ...t, columns: idx.map((i) => t.columns[i]), rows: t.rows.map((r) => ({ ...r, cells: idx.map((i) => r.cells[i]) })) };
}

/**
 * Both versions of one changed table, side by side: removed rows and changed cells on the left,
 * added rows and changed cells on the right. At first only the input columns and the columns with
 * a changed cell show (two whole tables do not fit side by side at 1280 px); a checkbox shows all.
 */
function sideBySide(change: TableChange, from: string, to: string, before: DecisionTable | undefined, after: DecisionTable | undefined): HTMLElement {
  const byRow = new Map(change.rows.map((r) => [r.row, r]));
  const changedColumns = new Set(change.rows.flatMap((r) => (r.change === 'CHANGED' ? r.cells.map((c) => c.column) : [])));
  const side = (whole: DecisionTable | undefined, version: string, left: boolean, all: boolean): Child => {
    if (!whole) return h('p', { class: 'muted' }, `No table ${change.table} in version ${version}.`);
    const t = all || changedColumns.size === 0 ? whole : onlyColumns(whole, (name, kind) => kind === 'INPUT' || changedColumns.has(name));
    return decisionTable(t, [], {
      attrs: { 'data-test': 'diff-table', 'data-side': left ? 'from' : 'to', caption: `version ${version}: ${change.table}` },
      row: (n) => {
        const r = byRow.get(n);
        if (!r) return undefined;
        if (r.change === 'REMOVED' && left) return { class: 'row-removed', 'data-change': 'REMOVED' };
        if (r.change === 'ADDED' && !left) return { class: 'row-added', 'data-change': 'ADDED' };
        return r.change === 'CHANGED' ? { 'data-change': 'CHANGED' } : undefined;
      },
      cell: (n, i) => {
        const r = byRow.get(n);
        const column = t.columns[i]?.name;
        const c = r?.change === 'CHANGED' ? r.cells.find((x) => x.column === column) : undefined;
        return c ? { class: 'changed', title: `${c.column} ${c.from ?? '∅'} → ${c.to ?? '∅'}`, 'data-column': c.column } : undefined;
      },
    });
  };
  const holder = h('div', { class: 'side-by-side', 'data-table': change.table });
  const draw = (all: boolean) => mount(holder, h('div', null, side(before, from, true, all)), h('div', null, side(after, to, false, all)));
  const id = `all-columns-${encodeURIComponent(change.file + '-' + change.table).replace(/%/g, '_')}`;
  const toggle = h('input', { type: 'checkbox', id, onchange: (e: Event) => draw((e.target as HTMLInputElement).checked) });
  draw(false);
  return h(
    'div',
    null,
    changedColumns.size ? h('p', { class: 'toolbar' }, toggle, h('label', { for: id }, ` All columns (now: inputs and the changed ${[...changedColumns].join(', ')})`)) : null,
    holder,
  );
}

/** A line diff of two texts: unchanged runs longer than 2 x context lines are folded. */
export function lineDiff(file: string, before: string, after: string, context = 3): HTMLElement {
  const rows: Row[] = [];
  let a = 1;
  let b = 1;
  const parts = diffLines(before, after);
  parts.forEach((part, index) => {
    const lines = part.value.replace(/\n$/, '').split('\n');
    if (part.added || part.removed) {
      for (const line of lines) {
        rows.push({
          cells: [part.removed ? String(a++) : '', part.added ? String(b++) : '', part.added ? '+' : '−', h('code', null, line)],
          className: part.added ? 'add' : 'del',
        });
      }
      return;
    }
    const keepHead = index === 0 ? 0 : context;
    const keepTail = index === parts.length - 1 ? 0 : context;
    lines.forEach((line, i) => {
      const show = i < keepHead || i >= lines.length - keepTail || lines.length <= keepHead + keepTail + 1;
      if (show) rows.push({ cells: [String(a), String(b), '', h('code', null, line)] });
      else if (i === keepHead) rows.push({ cells: ['⋯', '⋯', '', h('span', { class: 'muted' }, `${lines.length - keepHead - keepTail} unchanged lines`)], className: 'fold' });
      a++;
      b++;
    });
  });
  return h(
    'div',
    { class: 'code-wrap' },
    table(['old', 'new', '', file], rows, { class: 'code line-diff', 'data-test': 'line-diff', 'data-file': file }),
  );
}

async function fileText(id: string, version: string, path: string): Promise<string> {
  return getText(`/policies/${seg(id)}/versions/${seg(version)}/files/${path.split('/').map(seg).join('/')}`);
}

export async function render(root: HTMLElement, params: string[]): Promise<void> {
  const [id, from, to] = params;
  const diff = await get<PolicyDiff>(`/policies/${seg(id)}/versions/${seg(from)}/diff/${seg(to)}`);
  const changedFiles = diff.files.filter((f) => f.change !== 'UNCHANGED').length;
  let sides: Child;
  try {
    const [before, after] = await Promise.all([fetchTables(id, from), fetchTables(id, to)]);
    const find = (body: PolicyTables, c: TableChange) => body.tables.find((t) => t.file === c.file && t.decision === c.table);
    const dmn = diff.tables.filter((c) => c.file.endsWith('.dmn'));
    sides = dmn.length ? dmn.map((c) => sideBySide(c, from, to, find(before, c), find(after, c))) : h('p', { class: 'muted' }, 'No DMN decision table changed.');
  } catch (err) {
    sides = problemBox(err);
  }
  const textChanges = diff.files.filter((f) => f.change !== 'UNCHANGED' && !f.path.endsWith('.dmn'));
  const lineDiffs = await Promise.all(
    textChanges.map(async (f) => {
      try {
        const [a, b] = await Promise.all([
          f.change === 'ADDED' ? '' : fileText(id, from, f.path),
          f.change === 'REMOVED' ? '' : fileText(id, to, f.path),
        ]);
        return h('div', { class: 'file-diff' }, h('h3', null, h('code', null, f.path), ' ', badge(f.change, CHANGE_KIND[f.change])), lineDiff(f.path, a, b));
      } catch (err) {
        return h('div', null, h('h3', null, h('code', null, f.path)), problemBox(err));
      }
    }),
  );
  mount(
    root,
    h('p', { class: 'crumbs' }, link('Policies', 'policies'), ' / ', id),
    h('h1', null, `${id}: version ${from} → ${to}`),
    h('p', null, link(`${diff.from}`, 'policies', id, from), ' compared with ', link(`${diff.to}`, 'policies', id, to), `: ${changedFiles} of ${diff.files.length} files changed.`),
    section(
      'Files',
      table(
        ['File', 'Change', `SHA-256 in ${from}`, `SHA-256 in ${to}`],
        diff.files.map((f) => ({
          cells: [h('code', null, f.path), badge(f.change, CHANGE_KIND[f.change]), shortHash(f.fromHash), shortHash(f.toHash)],
          className: f.change === 'UNCHANGED' ? undefined : 'changed-file',
        })),
        { 'data-test': 'diff-files' },
      ),
    ),
    section(
      'Decision tables',
      diff.tables.length
        ? diff.tables.map((t) =>
            h(
              'div',
              { class: 'table-wrap' },
              table(
                ['Row', 'Change', 'Cells (column: old → new)'],
                t.rows.map((r) => ({
                  cells: [String(r.row), badge(r.change, CHANGE_KIND[r.change]), r.cells.length ? cellList(r.cells) : ''],
                  attrs: { 'data-row': r.row },
                })),
                { 'data-test': 'diff-rows', 'data-table': t.table, caption: `${t.table} (${t.file})` },
              ),
            ),
          )
        : h('p', { class: 'muted' }, 'No decision-table row changed.'),
    ),
    section('Decision tables side by side', h('p', { class: 'muted' }, `Version ${from} on the left, ${to} on the right: removed rows red, added rows green, changed cells marked (hover for old → new).`), sides),
    section('Line changes', lineDiffs.length ? lineDiffs : h('p', { class: 'muted' }, 'No other file changed.')),
  );
}
