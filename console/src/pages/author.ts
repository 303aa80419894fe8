// Authoring in the browser: "New version from <version>" copies a stored version into an editable
// draft (the next version number; nothing is stored yet). Decision tables in the dmn-js table
// modeler with the service's table analysis on the rows, the manifest's parameters in a form that
// refuses values outside their declared bounds, DRL and manifest in a code editor with the
// service's `file:line` problems at their lines. Save posts the files to the service, which stores
// them as a new DRAFT through the zip upload's validation (VALIDATED when it passes); then the
// changes summary (the diff page against the source version) before review.

import { ApiError, get, post, seg, upload } from '../api';
import { codeEditor, type CodeEditor } from '../editor/code-editor';
import { parameterForm } from '../editor/parameters';
import { tableEditor, type TableEditor } from '../editor/table-editor';
import '../editor/editor.css';
import { adoptInlineStyles } from '../editor/csp-styles';
import type { CompilationProblem, PolicyVersionView } from '../types';
import { badge, h, link, mount, problemBox, routeHref, section, type Child } from '../ui';

interface Draft {
  policy: string;
  from: string;
  version: string;
  files: Record<string, string>;
}

interface Check {
  passed: boolean;
  checks: string[];
  problems: CompilationProblem[];
  warnings: CompilationProblem[];
}

function where(p: CompilationProblem): string {
  return p.file ? (p.line > 0 ? `${p.file}:${p.line}` : p.file) : '(bundle)';
}

export async function render(root: HTMLElement, params: string[]): Promise<void> {
  const [id, from] = params;
  adoptInlineStyles();
  const draft = await get<Draft>(`/authoring/policies/${seg(id)}/versions/${seg(from)}/new-version`);
  const paths = Object.keys(draft.files).sort();
  const status = h('div', { id: 'author-status', 'aria-live': 'polite' });
  const result = h('div', { id: 'author-result', 'aria-live': 'polite' });
  const dirty = h('span', { class: 'muted', id: 'author-dirty' }, 'Not saved: nothing is stored until you save.');
  const changed = () => mount(dirty, 'Changed, not saved.');

  const codes = new Map<string, CodeEditor>();
  const tables = new Map<string, TableEditor>();
  const tablesHost = h('div', null);
  const checkButton = h('button', { type: 'button', id: 'author-check', class: 'secondary' }, 'Check');
  const saveButton = h('button', { type: 'button', id: 'author-save' }, `Save as version ${draft.version}`);

  let form: { element: HTMLElement; refresh(): void } | null = null;
  let formTimer: number | undefined;
  for (const path of paths.filter((p) => !/\.dmn$/i.test(p))) {
    codes.set(
      path,
      codeEditor(path, draft.files[path], () => {
        changed();
        if (path === 'manifest.yaml') {
          window.clearTimeout(formTimer);
          formTimer = window.setTimeout(() => form?.refresh(), 400);
        }
      }),
    );
  }
  const manifest = codes.get('manifest.yaml');
  form = manifest
    ? parameterForm(
        () => manifest.text(),
        (text) => {
          manifest.setText(text);
          changed();
        },
      )
    : null;

  mount(
    root,
    h('p', { class: 'crumbs' }, link('Policies', 'policies'), ' / ', link(id, 'policies', id, from), ' / new version'),
    h('h1', null, `${id} version ${draft.version} `, badge('unsaved draft', 'draft')),
    h(
      'p',
      null,
      `Copied from version ${draft.from}. Saving stores version ${draft.version} as a DRAFT and validates it exactly as a zip upload (VALIDATED when it passes); a version that left DRAFT never changes. `,
      dirty,
    ),
    h('div', { class: 'toolbar author-actions' }, checkButton, saveButton),
    status,
    result,
    section('Decision tables', h('p', { class: 'muted' }, 'Click a cell to edit it (FEEL is checked as you type); right-click a row or column to add or remove it. The service analyses the table after each change and marks the rows of every gap, overlap or masked row.'), tablesHost),
    section('Manifest parameters', form ? form.element : h('p', { class: 'muted' }, 'No manifest.yaml.')),
    section('Files', [...codes.values()].map((c) => c.element)),
  );

  for (const path of paths.filter((p) => /\.dmn$/i.test(p))) {
    try {
      const editor = await tableEditor(tablesHost, id, path, draft.files[path], changed);
      tables.set(path, editor);
      void editor.analyse();
    } catch (err) {
      tablesHost.appendChild(h('div', null, h('h3', null, h('code', null, path)), problemBox(err)));
    }
  }

  const files = async (): Promise<Record<string, string>> => {
    const out: Record<string, string> = {};
    for (const path of paths) {
      out[path] = tables.has(path) ? await tables.get(path)!.xml() : (codes.get(path)?.text() ?? draft.files[path]);
    }
    return out;
  };

  /** Problems and warnings at their lines in the code editors, and all of them in a list. */
  const showProblems = (problems: CompilationProblem[], warnings: CompilationProblem[]) => {
    for (const [path, editor] of codes) {
      editor.problems([
        ...problems.filter((p) => p.file === path).map((p) => ({ line: p.line, message: p.message, severity: 'error' as const })),
        ...warnings.filter((p) => p.file === path).map((p) => ({ line: p.line, message: p.message, severity: 'warning' as const })),
      ]);
    }
    const rows: Child[] = [
      ...problems.map((p) => h('li', { class: 'problem-line', 'data-test': 'check-problem' }, h('code', null, where(p)), ' ', p.message)),
      ...warnings.map((p) => h('li', { class: 'warning-line', 'data-test': 'check-warning' }, h('code', null, where(p)), ' (warning) ', p.message)),
    ];
    return rows.length ? h('ul', { class: 'plain' }, rows) : null;
  };

  const busy = async (work: () => Promise<void>) => {
    checkButton.disabled = true;
    saveButton.disabled = true;
    try {
      await work();
    } catch (err) {
      if (err instanceof ApiError && err.problem.problems?.length) {
        // A refused bundle (400): its problems as file:line, also at their lines.
        const parsed = err.problem.problems.map((s) => {
          const m = /^([^:]+?)(?::(\d+))?: (.*)$/.exec(s);
          return m ? { file: m[1], line: Number(m[2] ?? 0), message: m[3] } : { file: null, line: 0, message: s };
        });
        showProblems(parsed, []);
      }
      mount(status, problemBox(err));
    } finally {
      checkButton.disabled = false;
      saveButton.disabled = false;
    }
  };

  checkButton.addEventListener('click', () =>
    void busy(async () => {
      mount(status, h('p', { class: 'muted' }, 'Checking (compiling, analysing the tables, running the scenarios)…'));
      const check = await post<Check>(`/authoring/policies/${seg(id)}/check`, { files: await files() });
      const list = showProblems(check.problems, check.warnings);
      mount(
        status,
        h(
          'div',
          { class: check.passed ? 'done' : 'problem', role: 'status', 'data-test': 'check-result' },
          h('strong', null, check.passed ? 'Check passed: saving would give VALIDATED.' : `Check failed: ${check.problems.length} problem(s); saving would give a DRAFT.`),
          h('p', { class: 'muted' }, `Checks run: ${check.checks.join(', ')}`),
          list,
        ),
      );
      for (const t of tables.values()) void t.analyse();
    }),
  );

  saveButton.addEventListener('click', () =>
    void busy(async () => {
      mount(status, h('p', { class: 'muted' }, `Saving version ${draft.version} and validating it…`));
      const body = new Blob([JSON.stringify({ files: await files() })], { type: 'application/json' });
      const { status: code, body: v } = await upload<PolicyVersionView>(`/authoring/policies/${seg(id)}/drafts`, body, 'application/json');
      const list = showProblems(v.report?.problems ?? [], v.report?.warnings ?? []);
      mount(dirty, `Saved as version ${v.version} (${v.state}).`);
      mount(status);
      mount(
        result,
        h(
          'div',
          { class: code === 422 ? 'problem' : 'done', role: 'status', 'data-test': 'save-result', 'data-state': v.state },
          h('strong', null, `${v.policy}@${v.version} saved: `, badge(v.state)),
          code === 422 ? h('p', null, 'Validation failed: the version stays a DRAFT. Fix the problems and save again (a DRAFT is replaced).') : h('p', null, 'Validation passed: the version is ready for review by an approver.'),
          list,
          h(
            'p',
            { class: 'toolbar' },
            h('a', { href: routeHref('diff', id, draft.from, v.version), id: 'author-diff' }, `Changes summary: diff against version ${draft.from}`),
            ' ',
            link(`Open version ${v.version}`, 'policies', id, v.version),
          ),
        ),
      );
    }),
  );
}
