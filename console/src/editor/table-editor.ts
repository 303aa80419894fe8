// A DMN file's decision tables in the dmn-js decision-table modeler (bpmn.io, DMN 1.3): add, remove
// and edit rows and cells, FEEL cells checked as they are typed (dmn-js's FEEL editor lints the
// unary tests of input cells and the expressions of output cells). Every change is analysed by the
// service (gaps, overlaps, masked rows: POST /authoring/policies/{id}/tables) and each finding is
// marked on the rows it concerns. Saved back as DMN XML, the file's leading comments kept.

import DmnModeler, { type DmnView } from 'dmn-js/lib/Modeler';
import 'dmn-js/dist/assets/dmn-js-shared.css';
import 'dmn-js/dist/assets/dmn-js-decision-table.css';
import 'dmn-js/dist/assets/dmn-js-decision-table-controls.css';
import 'dmn-js/dist/assets/dmn-font/css/dmn.css';
import { post, seg } from '../api';
import { h, mount, problemBox } from '../ui';

/** One finding of the service's table analysis (admin application.authoring.TableAnalysis). */
export interface TableFinding {
  table: string;
  kind: 'GAP' | 'OVERLAP' | 'MASKED' | 'INVALID';
  error: boolean;
  /** Rows numbered from 1 in the table's order. */
  rows: number[];
  message: string;
}

export interface TableEditor {
  readonly file: string;
  /** The file's DMN XML now (the original's text before <definitions> kept). */
  xml(): Promise<string>;
  /** Runs the service's analysis now and marks the rows. */
  analyse(): Promise<TableFinding[]>;
  element: HTMLElement;
}

/** The original's text before its root element (XML declaration, provenance comments). */
function prologue(xml: string): string {
  const at = xml.search(/<([A-Za-z_][\w.-]*:)?definitions\b/);
  return at > 0 ? xml.slice(0, at) : '<?xml version="1.0" encoding="UTF-8"?>\n';
}

function withPrologue(original: string, saved: string): string {
  const at = saved.search(/<([A-Za-z_][\w.-]*:)?definitions\b/);
  return at < 0 ? saved : prologue(original) + saved.slice(at) + (saved.endsWith('\n') ? '' : '\n');
}

export async function tableEditor(host: HTMLElement, policy: string, file: string, original: string, onChange: () => void): Promise<TableEditor> {
  const canvas = h('div', { class: 'dmn-canvas', 'data-test': 'table-editor', 'data-file': file });
  const findingsBox = h('div', { class: 'table-findings', 'aria-live': 'polite', 'data-test': 'table-findings', 'data-file': file });
  const tabs = h('div', { class: 'toolbar' });
  const element = h('div', { class: 'dmn-author' }, h('h3', null, h('code', null, file)), tabs, canvas, findingsBox);
  // The modeler measures its container: it is in the document before the XML is imported.
  host.appendChild(element);
  const modeler = new DmnModeler({ container: canvas });
  let findings: TableFinding[] = [];
  let timer: number | undefined;
  let generation = 0;

  const rules = (view: DmnView | undefined) => view?.element.decisionLogic?.rule ?? [];

  /** Marks the rows of the findings on the table shown (its cells carry data-row-id). */
  const mark = () => {
    canvas.querySelectorAll('.analysis-error, .analysis-warning').forEach((e) => e.classList.remove('analysis-error', 'analysis-warning'));
    canvas.querySelectorAll('td.rule-index[data-analysis]').forEach((e) => {
      e.removeAttribute('title');
      e.removeAttribute('data-analysis');
    });
    const list = rules(modeler.getActiveView());
    for (const f of findings) {
      for (const n of f.rows) {
        const id = list[n - 1]?.id;
        if (!id) continue;
        const cells = canvas.querySelectorAll<HTMLElement>(`[data-row-id="${CSS.escape(id)}"]`);
        cells.forEach((cell) => {
          cell.classList.add(f.error ? 'analysis-error' : 'analysis-warning');
          cell.closest('tr')?.classList.add(f.error ? 'analysis-error' : 'analysis-warning');
          if (cell.classList.contains('rule-index')) {
            cell.setAttribute('data-analysis', f.kind.toLowerCase());
            cell.setAttribute('title', [cell.getAttribute('title'), f.message].filter(Boolean).join('\n'));
          }
        });
      }
    }
  };

  const show = () => {
    mount(
      findingsBox,
      findings.length
        ? h(
            'ul',
            { class: 'plain' },
            findings.map((f) =>
              h(
                'li',
                { class: f.error ? 'problem-line' : 'warning-line', 'data-test': 'table-finding', 'data-kind': f.kind, 'data-rows': f.rows.join(','), 'data-error': String(f.error) },
                h('strong', null, `${f.error ? 'Error' : 'Warning'}${f.rows.length ? ` on row${f.rows.length > 1 ? 's' : ''} ${f.rows.join(', ')}` : ''}: `),
                `${f.table}: ${f.message}`,
              ),
            ),
          )
        : h('p', { class: 'muted', 'data-test': 'table-clean' }, 'Table analysis: no gap, no overlap, no masked row.'),
    );
    mark();
  };

  const xml = async () => withPrologue(original, (await modeler.saveXML({ format: true })).xml);

  const analyse = async () => {
    const mine = ++generation;
    // The previous findings stay shown (and marked) until the new ones come.
    findingsBox.setAttribute('aria-busy', 'true');
    try {
      const body = await post<{ file: string; findings: TableFinding[] }>(`/authoring/policies/${seg(policy)}/tables`, { file, content: await xml() });
      if (mine !== generation) return findings;
      findings = body.findings;
      show();
    } catch (err) {
      if (mine === generation) mount(findingsBox, problemBox(err));
    } finally {
      if (mine === generation) findingsBox.setAttribute('aria-busy', 'false');
    }
    return findings;
  };

  const listen = () => {
    const bus = modeler.getActiveViewer()?.get('eventBus');
    bus?.on('elements.changed', () => {
      onChange();
      window.clearTimeout(timer);
      timer = window.setTimeout(() => void analyse(), 500);
      // dmn-js re-renders the rows: mark them again once it has.
      window.setTimeout(mark, 0);
    });
  };

  const open = async (view: DmnView) => {
    await modeler.open(view);
    listen();
    mark();
  };

  await modeler.importXML(original);
  const tables = modeler.getViews().filter((v) => v.type === 'decisionTable');
  if (tables.length === 0) {
    mount(canvas, h('p', { class: 'muted' }, 'This DMN file has no decision table to edit here.'));
  } else {
    if (tables.length > 1) {
      mount(tabs, tables.map((v) => h('button', { type: 'button', class: 'secondary', onclick: () => void open(v) }, v.element.name ?? v.element.id)));
    }
    await open(tables[0]);
  }
  return { file, xml, analyse, element };
}
