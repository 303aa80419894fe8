// One policy version: its facts, files, DMN decision tables, validation report (each problem at
// file:line) and lifecycle timeline.

import { ApiError, get, seg } from '../api';
import { routeHref } from '../ui';
import { reviewSection } from '../review';
import { decisionTable, flattenTables } from '../dmn';
import type { CompilationProblem, DecisionTable, PolicyVersionView } from '../types';
import { badge, facts, h, instant, link, mount, problemBox, section, shortHash, table, type Child } from '../ui';

async function tables(id: string, version: string): Promise<DecisionTable[] | null> {
  // GET .../tables (the version's decision tables through the engine's dmn.DecisionTables).
  for (const path of [`/policies/${seg(id)}/versions/${seg(version)}/tables`, `/policies/${seg(id)}/${seg(version)}/tables`]) {
    try {
      return flattenTables(await get<unknown>(path));
    } catch (err) {
      if (!(err instanceof ApiError && (err.status === 404 || err.status === 405))) throw err;
    }
  }
  return null;
}

function where(p: CompilationProblem): string {
  if (!p.file) return p.line > 0 ? `line ${p.line}` : '(bundle)';
  return p.line > 0 ? `${p.file}:${p.line}` : p.file;
}

function problems(list: CompilationProblem[], kind: string): (Child[] | { cells: Child[]; className: string })[] {
  return list.map((p) => ({ cells: [badge(kind, kind === 'error' ? 'rejected' : 'warning'), h('code', null, where(p)), p.message], className: kind }));
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
    const found = await tables(id, version);
    tableSection =
      found === null
        ? section(
            'Decision tables',
            h('p', { class: 'muted' }, 'This service does not serve decision tables yet (GET /api/v1/policies/{id}/versions/{version}/tables).'),
          )
        : section(
            'Decision tables',
            found.length ? found.map((t) => decisionTable(t)) : h('p', { class: 'muted' }, 'This version has no DMN decision table.'),
          );
  } catch (err) {
    tableSection = section('Decision tables', problemBox(err));
  }

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
            ? table(['Severity', 'Where', 'Message'], [...problems(report.problems, 'error'), ...problems(report.warnings, 'warning')], {
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

  const files = v.files ?? [];
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
    reviewSection(v, (message) => void render(root, params, message).catch((err) => mount(root, problemBox(err)))),
    section(
      'Files',
      files.length ? h('ul', { class: 'files' }, files.map((f) => h('li', null, h('code', null, f)))) : h('p', { class: 'muted' }, 'No files listed.'),
      h(
        'p',
        { class: 'muted' },
        'File contents (the manifest with its parameters and citations, DRL with line numbers) are not served by the API yet.',
      ),
    ),
    tableSection,
    reportSection,
    timeline,
    section('All versions of this policy', versionsTable),
  );
}
