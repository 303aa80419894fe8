// Bundle files as text with line numbers, DRL with light keyword highlighting, and the manifest's
// parameters. Every token is a text node inside a span (never innerHTML), so file content that
// looks like markup shows as text.

import { parseDocument, isMap, isPair, isScalar, type Pair } from 'yaml';
import { h, table, type Child } from './ui';

const DRL_KEYWORDS = new Set([
  'package', 'import', 'global', 'function', 'rule', 'query', 'declare', 'end', 'when', 'then', 'not', 'exists',
  'forall', 'from', 'accumulate', 'collect', 'eval', 'and', 'or', 'salience', 'ruleflow-group', 'agenda-group',
  'no-loop', 'lock-on-active', 'activation-group', 'dialect', 'extends', 'modify', 'insert', 'insertLogical',
  'retract', 'delete', 'update', 'new', 'return', 'if', 'else', 'null', 'true', 'false', 'this', 'matches',
  'contains', 'memberOf', 'in', 'unit', 'enabled', 'duration', 'timer', 'calendars', 'date-effective', 'date-expires',
]);

// One token at a time: a // or /* comment (to the line's end), a string, a $binding, a word, anything else.
const DRL_TOKEN = /(\/\/.*$|\/\*.*?(\*\/|$)|#.*$)|("(?:[^"\\]|\\.)*"?|'(?:[^'\\]|\\.)*'?)|(\$[A-Za-z_][\w]*)|([A-Za-z_][\w-]*)|([^A-Za-z_$"'/#]+|.)/gy;

/** One DRL line as spans: `kw` keywords, `str` strings, `cmt` comments, `var` $bindings. */
export function drlLine(line: string, inComment: { open: boolean }): Node[] {
  const out: Node[] = [];
  let rest = line;
  if (inComment.open) {
    const close = rest.indexOf('*/');
    if (close < 0) return [h('span', { class: 'tok-cmt' }, rest)];
    out.push(h('span', { class: 'tok-cmt' }, rest.slice(0, close + 2)));
    rest = rest.slice(close + 2);
    inComment.open = false;
  }
  DRL_TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while (DRL_TOKEN.lastIndex < rest.length && (m = DRL_TOKEN.exec(rest)) !== null) {
    const [text, comment, commentClosed, string, binding, word] = m;
    if (comment !== undefined) {
      if (comment.startsWith('/*') && commentClosed === '') inComment.open = true;
      out.push(h('span', { class: 'tok-cmt' }, text));
    } else if (string !== undefined) out.push(h('span', { class: 'tok-str' }, text));
    else if (binding !== undefined) out.push(h('span', { class: 'tok-var' }, text));
    else if (word !== undefined && DRL_KEYWORDS.has(word)) out.push(h('span', { class: 'tok-kw' }, text));
    else out.push(document.createTextNode(text));
  }
  return out;
}

/** An element id for a file's line (file paths may hold any character). */
export function lineId(file: string, line: number): string {
  return `line-${encodeURIComponent(file).replace(/%/g, '_')}-${line}`;
}

/**
 * A file as a numbered listing (`data-test="file"`, `data-file`), each line a row whose id is
 * lineId(file, n); DRL files are highlighted, lines in `marked` get class `problem`.
 */
export function codeView(file: string, text: string, marked: Set<number> = new Set()): HTMLElement {
  const lines = text.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
  const drl = /\.drl$/i.test(file);
  const state = { open: false };
  return h(
    'div',
    { class: 'code-wrap' },
    h(
      'table',
      { class: 'code', 'data-test': 'file', 'data-file': file },
      h('caption', { class: 'visually-hidden' }, `${file}, ${lines.length} lines`),
      h(
        'tbody',
        null,
        lines.map((line, i) =>
          h(
            'tr',
            { id: lineId(file, i + 1), class: marked.has(i + 1) ? 'problem' : undefined, tabindex: -1, 'data-line': i + 1 },
            h('th', { scope: 'row', class: 'ln' }, String(i + 1)),
            h('td', null, h('code', null, drl ? drlLine(line, state) : line)),
          ),
        ),
      ),
    ),
  );
}

function scalarText(node: unknown): string {
  if (isScalar(node)) return node.value === null ? '' : String(node.value);
  if (node && typeof node === 'object' && 'toJSON' in node) return JSON.stringify((node as { toJSON(): unknown }).toJSON());
  return String(node ?? '');
}

function comment(pair: Pair, map: { commentBefore?: string | null }, first: boolean): string {
  const key = pair.key as { commentBefore?: string | null } | null;
  const c = key?.commentBefore ?? (first ? map.commentBefore : null) ?? '';
  return c.replace(/^\s*#?\s*/gm, '').replace(/\n/g, ' ').trim();
}

/**
 * The manifest's `parameters` with their values, the comment written above each, and the bound
 * (floor/min/max) and citation from `bounds` for the same name. Throws on YAML the reader refuses.
 */
export function manifestParameters(text: string): HTMLElement {
  const doc = parseDocument(text);
  if (doc.errors.length) {
    const e = doc.errors[0];
    return h('p', { class: 'problem' }, `manifest.yaml:${e.linePos?.[0].line ?? '?'}: ${e.message}`);
  }
  const params = doc.get('parameters', true);
  const bounds = doc.get('bounds', true);
  const boundOf = new Map<string, Record<string, unknown>>();
  if (isMap(bounds)) {
    for (const item of bounds.items) {
      if (isPair(item)) boundOf.set(scalarText(item.key), (item.value as { toJSON(): Record<string, unknown> } | null)?.toJSON() ?? {});
    }
  }
  const rows: Child[][] = [];
  const seen = new Set<string>();
  if (isMap(params)) {
    params.items.forEach((item, i) => {
      if (!isPair(item)) return;
      const name = scalarText(item.key);
      seen.add(name);
      const b = boundOf.get(name) ?? {};
      rows.push([h('code', null, name), h('code', null, scalarText(item.value)), boundText(b), String(b.citation ?? ''), comment(item, params as { commentBefore?: string | null }, i === 0)]);
    });
  }
  // Bounds on values outside `parameters` (measure settings such as measures.fhsEs.alpha).
  for (const [name, b] of boundOf) {
    if (!seen.has(name)) rows.push([h('code', null, name), h('span', { class: 'muted' }, '(setting)'), boundText(b), String(b.citation ?? ''), '']);
  }
  return rows.length
    ? table(['Parameter', 'Value', 'Bounds', 'Citation', 'Note in the manifest'], rows, { 'data-test': 'parameters', caption: 'Manifest parameters and bounds' })
    : h('p', { class: 'muted', 'data-test': 'parameters' }, 'The manifest sets no parameters.');
}

function boundText(b: Record<string, unknown>): string {
  const parts: string[] = [];
  if (b.floor !== undefined) parts.push(`floor ${String(b.floor)}`);
  if (b.min !== undefined) parts.push(`min ${String(b.min)}`);
  if (b.max !== undefined) parts.push(`max ${String(b.max)}`);
  return parts.join(', ');
}
