// Two versions of one policy compared (GET /policies/{id}/versions/{a}/diff/{b}): every file with
// its change, and for changed decision tables each changed row with its cells by column name
// (`maxLeverage 125 -> 75`), the row numbers those of explanations.

import { get, seg } from '../api';
import { badge, h, link, mount, section, shortHash, table, type Child } from '../ui';

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

export async function render(root: HTMLElement, params: string[]): Promise<void> {
  const [id, from, to] = params;
  const diff = await get<PolicyDiff>(`/policies/${seg(id)}/versions/${seg(from)}/diff/${seg(to)}`);
  const changedFiles = diff.files.filter((f) => f.change !== 'UNCHANGED').length;
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
      h('p', { class: 'muted' }, 'Line diffs of DRL and manifests need the file contents, which the API does not serve yet.'),
    ),
  );
}
