// One policy version: its facts, manifest parameters, files (numbered, DRL highlighted), DMN
// decision tables, validation report (each problem linked to its file:line) and lifecycle timeline.

import { get, getText, seg } from '../api';
import { routeHref } from '../ui';
import { reviewSection } from '../review';
import { newVersionLink } from './author-link';
import { evidenceSection } from './evidence-panel';
import { allTables, fetchTables } from '../dmn';
import { codeView, lineId, manifestParameters } from '../code';
import type { CompilationProblem, PolicyVersionView } from '../types';
import { badge, facts, h, instant, link, mount, problemBox, section, shortHash, table, type Child } from '../ui';

/** Files shown open: the manifest and rule files; decision tables are rendered as tables. */
function shownOpen(file: string): boolean {
  return file === 'manifest.yaml' || /\.drl$/i.test(file);
}

/** Opens the file's listing and moves focus to the line. */
function goToLine(file: string, line: number): void {
  const row = document.getElementById(lineId(file, Math.max(line, 1)));
  if (!row) return;
  const details = row.closest('details');
  if (details) details.open = true;
  row.scrollIntoView({ block: 'center' });
  row.focus();
}

function where(p: CompilationProblem): string {
  if (!p.file) return p.line > 0 ? `line ${p.line}` : '(bundle)';
  return p.line > 0 ? `${p.file}:${p.line}` : p.file;
}

function problems(list: CompilationProblem[], kind: string, files: string[]): (Child[] | { cells: Child[]; className: string })[] {
  return list.map((p) => {
    const file = p.file;
    const place: Child =
      file && files.includes(file)
        ? h('button', { type: 'button', class: 'linkish', 'data-test': 'problem-link', onclick: () => goToLine(file, p.line) }, h('code', null, where(p)))
        : h('code', null, where(p));
    return { cells: [badge(kind, kind === 'error' ? 'rejected' : 'warning'), place, p.message], className: kind };
  });
}

/** Each file: the manifest and DRL as numbered listings (problem lines marked), others on demand. */
async function filesSection(id: string, version: string, files: string[], report: PolicyVersionView['report']): Promise<Child[]> {
  const marks = new Map<string, Set<number>>();
  for (const p of [...(report?.problems ?? []), ...(report?.warnings ?? [])]) {
    if (p.file && p.line > 0) (marks.get(p.file) ?? marks.set(p.file, new Set()).get(p.file)!).add(p.line);
  }
  const path = (f: string) => `/policies/${seg(id)}/versions/${seg(version)}/files/${f.split('/').map(seg).join('/')}`;
  let parameters: Child = h('p', { class: 'muted' }, 'No manifest.yaml in this bundle.');
  const items = await Promise.all(
    files.map(async (f) => {
      const body = h('div', null);
      const details = h('details', { class: 'file', 'data-file': f }, h('summary', null, h('code', null, f), marks.has(f) ? [' ', badge(`${marks.get(f)!.size} problem line(s)`, 'rejected')] : null), body);
      const load = async () => {
        if (body.childElementCount) return;
        try {
          const text = await getText(path(f));
          mount(body, codeView(f, text, marks.get(f)));
          if (f === 'manifest.yaml') parameters = manifestParameters(text);
        } catch (err) {
          mount(body, problemBox(err));
        }
      };
      if (shownOpen(f) || marks.has(f)) {
        details.open = true;
        await load();
      } else {
        details.addEventListener('toggle', () => void (details.open && load()));
      }
      return details;
    }),
  );
  return [section('Manifest parameters', parameters), section('Files', items.length ? items : h('p', { class: 'muted' }, 'No files listed.'))];
}

function detailText(detail: string | null): Child {
  if (!detail) return '';
  try {
    return h('code', { class: 'detail' }, JSON.stringify(JSON.parse(detail)));
  } catch {
    return detail;
  }
}

export async function render(root: HTMLElement, params: string[], flash?: HTMLElement): Promise<void> {
  const [id, version] = params;
  const v = await get<PolicyVersionView>(`/policies/${seg(id)}/versions/${seg(version)}`);
  let tableSection: HTMLElement;
  try {
    tableSection = section('Decision tables', allTables(await fetchTables(id, version)));
  } catch (err) {
    tableSection = section('Decision tables', problemBox(err));
  }
  const [parametersSection, fileList] = await filesSection(id, version, v.files ?? [], v.report);

  const report = v.report;
  const reportSection = section(
    'Validation report',
    report
      ? [
          facts([
            ['Result', report.passed ? badge('passed', 'approved') : badge('failed', 'rejected')],
            ['Validated', instant(report.validatedAt)],
            ['Checks run', report.checks.join(', ')],
            ['Problems', String(report.problems.length)],
            ['Warnings', String(report.warnings.length)],
          ]),
          report.problems.length + report.warnings.length
            ? table(['Severity', 'Where', 'Message'], [...problems(report.problems, 'error', v.files ?? []), ...problems(report.warnings, 'warning', v.files ?? [])], {
                'data-test': 'validation',
                caption: 'Problems and warnings',
              })
            : h('p', { 'data-test': 'validation' }, 'No problems and no warnings.'),
        ]
      : h('p', { class: 'muted' }, 'No validation report stored.'),
  );

  const events = [...(v.events ?? [])].sort((a, b) => a.sequence - b.sequence);
  const timeline = section(
    'Lifecycle',
    events.length
      ? table(
          ['When', 'Action', 'By', 'Effective', 'Reason', 'Detail', 'Chain #'],
          events.map((e) => [instant(e.at), badge(e.action, 'event'), e.actor, instant(e.effectiveAt), e.reason ?? '', detailText(e.detail), String(e.sequence)]),
          { 'data-test': 'events', caption: 'Audited lifecycle events, oldest first' },
        )
      : h('p', { class: 'muted' }, 'No lifecycle events.'),
  );

  const all = (await get<PolicyVersionView[]>(`/policies/${seg(id)}/versions`)).sort((a, b) =>
    b.version.localeCompare(a.version, 'en', { numeric: true }),
  );
  const versionsTable = table(
    ['Version', 'State', 'Author', 'Uploaded', 'Reviewer', 'Bundle hash'],
    all.map((x) => ({
      cells: [x.version === v.version ? h('strong', null, x.version) : link(x.version, 'policies', x.policy, x.version), badge(x.state), x.author ?? '', instant(x.uploadedAt), x.reviewedBy ?? '', shortHash(x.bundleHash)],
      className: x.version === v.version ? 'current' : undefined,
      attrs: { 'data-state': x.state, 'aria-current': x.version === v.version ? 'true' : null },
    })),
    { 'data-test': 'versions', caption: `Versions of ${v.policy}` },
  );
  const others = all
    .map((x) => x.version)
    .filter((x) => x !== v.version)
    .sort((a, b) => b.localeCompare(a, 'en', { numeric: true }));
  const compareWith = h('select', { id: 'compare-with', name: 'compare-with' }, others.map((x) => h('option', { value: x }, `version ${x}`)));
  const previous = others.find((x) => x.localeCompare(v.version, 'en', { numeric: true }) < 0);
  if (previous) compareWith.value = previous;
  const compare = others.length
    ? h(
        'form',
        {
          class: 'toolbar',
          onsubmit: (event: Event) => {
            event.preventDefault();
            // Older version on the left, whichever was picked.
            const other = compareWith.value;
            const older = other.localeCompare(v.version, 'en', { numeric: true }) < 0;
            location.hash = older ? routeHref('diff', v.policy, other, v.version) : routeHref('diff', v.policy, v.version, other);
          },
        },
        h('label', { for: 'compare-with' }, 'Compare with'),
        compareWith,
        h('button', { type: 'submit', id: 'compare' }, 'Show diff'),
      )
    : null;
  mount(
    root,
    h('p', { class: 'crumbs' }, link('Policies', 'policies'), ' / ', v.policy),
    h('h1', null, `${v.policy} version ${v.version} `, badge(v.state)),
    flash,
    facts([
      ['State now', badge(v.state)],
      ['Review state', v.reviewState],
      ['Author', v.author],
      ['Uploaded', instant(v.uploadedAt)],
      ['Reviewer', v.reviewedBy],
      ['Reviewed', instant(v.reviewedAt)],
      ['Review comment', v.reviewComment],
      ['Bundle hash (SHA-256)', h('code', { class: 'hash-full' }, v.bundleHash)],
    ]),
    compare,
    newVersionLink(v.policy, v.version),
    evidenceSection(v),
    reviewSection(v, (message) => void render(root, params, message).catch((err) => mount(root, problemBox(err)))),
    parametersSection,
    tableSection,
    reportSection,
    fileList,
    timeline,
    section('All versions of this policy', versionsTable),
  );
}
