// The manifest's parameters as a form: each value with the comment written above it in the
// manifest and its declared bound (`bounds:` min, max, or a regulatory floor with its citation).
// A value outside its bound is refused here, before anything changes; the service refuses it again
// on check and save (the manifest reader checks every bound, naming manifest.yaml:line). An
// accepted value is written into the manifest text in place of the old one, every other character
// (comments, order, quoting) kept.

import { isMap, isPair, isScalar, parseDocument, type Pair, type Scalar } from 'yaml';
import { h, mount, type Child } from '../ui';

export interface Bound {
  min?: string;
  max?: string;
  floor?: string;
  citation?: string;
  /** The comment written above the bound in the manifest (why it holds, its source). */
  note?: string;
}

export interface Parameter {
  name: string;
  value: string;
  /** The comment written above the parameter in the manifest. */
  note: string;
  bound: Bound | null;
  /** Offsets of the value's text in the manifest. */
  range: [number, number];
}

function text(node: unknown): string {
  if (isScalar(node)) return node.value === null || node.value === undefined ? '' : String(node.value);
  return String(node ?? '');
}

/** A YAML comment as one line of text. */
function commentOf(raw: string | null | undefined): string {
  return (raw ?? '').replace(/^\s*#?\s*/gm, '').replace(/\n/g, ' ').trim();
}

/** The parameters of a manifest text; null with the reader's message when it is not YAML. */
export function readParameters(manifest: string): { parameters: Parameter[]; error: string | null } {
  const doc = parseDocument(manifest);
  if (doc.errors.length) {
    const e = doc.errors[0];
    return { parameters: [], error: `manifest.yaml:${e.linePos?.[0].line ?? '?'}: ${e.message}` };
  }
  const bounds = new Map<string, Bound>();
  const b = doc.get('bounds', true);
  if (isMap(b)) {
    b.items.forEach((item, i) => {
      if (!isPair(item) || !isMap(item.value)) return;
      const bound: Bound = {};
      for (const kv of item.value.items) {
        if (isPair(kv) && ['min', 'max', 'floor', 'citation'].includes(text(kv.key))) (bound as Record<string, string>)[text(kv.key)] = text(kv.value);
      }
      const note = commentOf((item.key as Scalar | null)?.commentBefore ?? (i === 0 ? b.commentBefore : null));
      if (note) bound.note = note;
      bounds.set(text(item.key), bound);
    });
  }
  const params = doc.get('parameters', true);
  const out: Parameter[] = [];
  if (isMap(params)) {
    params.items.forEach((item, i) => {
      if (!isPair(item) || !isScalar(item.value)) return;
      const key = (item as Pair<Scalar, Scalar>).key;
      const raw = key?.commentBefore ?? (i === 0 ? params.commentBefore : null);
      const value = item.value as Scalar;
      const range = value.range;
      if (!range) return;
      out.push({
        name: text(key),
        value: text(value),
        note: commentOf(raw),
        bound: bounds.get(text(key)) ?? null,
        range: [range[0], range[1]],
      });
    });
  }
  return { parameters: out, error: null };
}

/** Why `value` lies outside `bound` (as the service words it), or null when inside. */
export function outside(value: string, bound: Bound | null): string | null {
  if (!bound) return null;
  const v = value.trim();
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(v)) return `'${value}' is not a number, but it has bounds`;
  const x = Number(v);
  const lower = bound.floor ?? bound.min;
  if (lower !== undefined && x < Number(lower)) {
    return bound.floor !== undefined ? `${v} is below its floor ${bound.floor} (${bound.citation ?? 'no citation'})` : `${v} is below its min ${bound.min}`;
  }
  if (bound.max !== undefined && x > Number(bound.max)) return `${v} is above its max ${bound.max}`;
  return null;
}

function boundText(b: Bound | null): string {
  if (!b) return 'none declared';
  const parts: string[] = [];
  if (b.floor !== undefined) parts.push(`floor ${b.floor}`);
  if (b.min !== undefined) parts.push(`min ${b.min}`);
  if (b.max !== undefined) parts.push(`max ${b.max}`);
  return parts.join(', ');
}

/** YAML for a new value: numbers and booleans as they are, other text quoted. */
function yamlValue(value: string): string {
  const v = value.trim();
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(v) || v === 'true' || v === 'false') return v;
  return JSON.stringify(v);
}

/**
 * The form; `manifest()` reads the manifest text now, `write(text)` replaces it. Re-drawn with
 * `refresh()` when the manifest changed elsewhere (the code editor).
 */
export function parameterForm(manifest: () => string, write: (text: string) => void): { element: HTMLElement; refresh(): void } {
  const element = h('div', { 'data-test': 'parameter-form' });
  const refresh = () => {
    const { parameters, error } = readParameters(manifest());
    if (error) {
      mount(element, h('p', { class: 'problem' }, error));
      return;
    }
    if (!parameters.length) {
      mount(element, h('p', { class: 'muted' }, 'The manifest sets no parameters.'));
      return;
    }
    const rows: Child[] = parameters.map((p) => {
      const id = `param-${p.name.replace(/[^\w-]/g, '_')}`;
      const input = h('input', { id, name: p.name, value: p.value, size: 14, inputmode: 'decimal', 'data-test': 'parameter', 'aria-describedby': `${id}-msg` });
      const message = h('span', { id: `${id}-msg`, class: 'field-msg', 'aria-live': 'polite' });
      const apply = () => {
        const why = outside(input.value, p.bound);
        if (why) {
          input.setAttribute('aria-invalid', 'true');
          input.setCustomValidity(why);
          mount(message, h('span', { class: 'problem-line', role: 'alert', 'data-test': 'parameter-refused' }, `Refused: ${p.name} ${why}. The manifest keeps ${p.value}.`));
          return;
        }
        input.removeAttribute('aria-invalid');
        input.setCustomValidity('');
        if (input.value.trim() === p.value) {
          mount(message);
          return;
        }
        const now = manifest();
        // The value's characters as read a moment ago; re-read if the text moved since.
        const current = readParameters(now).parameters.find((x) => x.name === p.name) ?? p;
        write(now.slice(0, current.range[0]) + yamlValue(input.value) + now.slice(current.range[1]));
        mount(message, h('span', { class: 'muted', 'data-test': 'parameter-applied' }, `Set to ${input.value.trim()} in manifest.yaml.`));
        p.value = input.value.trim();
      };
      input.addEventListener('change', apply);
      return h(
        'tr',
        { 'data-parameter': p.name },
        h('th', { scope: 'row' }, h('label', { for: id }, h('code', null, p.name))),
        h('td', null, input, ' ', message),
        h('td', { 'data-test': 'bound' }, boundText(p.bound)),
        h('td', { 'data-test': 'citation' }, [p.bound?.citation, p.bound?.note].filter(Boolean).join(' — ')),
        h('td', { 'data-test': 'note' }, p.note),
      );
    });
    mount(
      element,
      h(
        'table',
        { class: 'parameters' },
        h('caption', null, 'Manifest parameters: a value outside its declared bound is refused'),
        h('thead', null, h('tr', null, ['Parameter', 'Value', 'Bounds', 'Citation', 'Note'].map((x) => h('th', { scope: 'col' }, x)))),
        h('tbody', null, rows),
      ),
    );
  };
  refresh();
  return { element, refresh };
}
