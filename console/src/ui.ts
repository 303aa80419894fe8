// DOM building with text nodes only: every value from the API goes through textContent or an
// attribute, never through innerHTML, so markup in data (an account id "<script>") shows as text.

import { ApiError } from './api';

export type Child = Node | string | number | boolean | null | undefined | Child[];
export type Attrs = Record<string, string | number | boolean | null | undefined | ((event: Event) => void)>;

function append(parent: Node, child: Child): void {
  if (child === null || child === undefined || child === false || child === true) return;
  if (Array.isArray(child)) {
    for (const c of child) append(parent, c);
  } else if (child instanceof Node) {
    parent.appendChild(child);
  } else {
    parent.appendChild(document.createTextNode(String(child)));
  }
}

/**
 * Creates an element. Attributes: `class`, `data-*`, `aria-*` and other attributes are set with
 * setAttribute (null/undefined/false leave it out, true sets it empty); `on<event>` functions
 * become listeners. `style` and `innerHTML` are refused: the content-security policy forbids
 * inline styles, and markup from strings is never built.
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs?: Attrs | null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (attrs) {
    for (const [key, value] of Object.entries(attrs)) {
      if (value === null || value === undefined || value === false) continue;
      if (key === 'style' || key === 'innerHTML' || key === 'outerHTML' || key === 'srcdoc') {
        throw new Error(`h(): attribute ${key} is not allowed`);
      }
      if (typeof value === 'function') {
        element.addEventListener(key.replace(/^on/, '').toLowerCase(), value);
      } else if (value === true) {
        element.setAttribute(key, '');
      } else {
        element.setAttribute(key, String(value));
      }
    }
  }
  for (const child of children) append(element, child);
  return element;
}

/** A table row with a class (e.g. `hit`, `changed`). */
export interface Row {
  cells: Child[];
  className?: string;
  attrs?: Attrs;
}

/** A table: headers and rows of cells; a row given as {cells, className} gets that class. */
export function table(
  headers: Child[],
  rows: (Child[] | Row)[],
  attrs?: Attrs & { caption?: string },
): HTMLTableElement {
  const { caption, ...rest } = attrs ?? {};
  return h(
    'table',
    rest,
    caption ? h('caption', null, String(caption)) : null,
    h('thead', null, h('tr', null, headers.map((head) => h('th', { scope: 'col' }, head)))),
    h(
      'tbody',
      null,
      rows.map((row) => {
        const r: Row = Array.isArray(row) ? { cells: row } : row;
        return h('tr', { class: r.className, ...r.attrs }, r.cells.map((cell) => h('td', null, cell)));
      }),
    ),
  );
}

/** A readable box for a failed call: the problem's title, detail, field, problems and error id. */
export function problemBox(err: unknown): HTMLElement {
  if (err instanceof ApiError) {
    const p = err.problem;
    const lines: Child[] = [];
    if (p.detail) lines.push(h('p', null, p.detail));
    if (p.field) lines.push(h('p', null, 'Field: ', h('code', null, p.field)));
    if (p.errors?.length) {
      lines.push(h('ul', null, p.errors.map((e) => h('li', null, h('code', null, e.field), ': ', e.message))));
    }
    if (p.problems?.length) lines.push(h('ul', null, p.problems.map((x) => h('li', null, x))));
    if (p.errorId) lines.push(h('p', { class: 'muted' }, 'Error id (in the service log): ', h('code', null, p.errorId)));
    const status = err.status ? ` (${err.status})` : '';
    return h('div', { class: 'problem', role: 'alert' }, h('strong', null, (p.title ?? 'Request failed') + status), lines);
  }
  const message = err instanceof Error ? err.message : String(err);
  return h('div', { class: 'problem', role: 'alert' }, h('strong', null, 'Something went wrong'), h('p', null, message));
}

/** An instant as "2026-11-30 11:42:36 UTC" (the service's times are UTC; the browser's zone is not used). */
export function instant(iso: string | null | undefined): HTMLElement | string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const text = d.toISOString().replace('T', ' ').replace(/\.\d+Z$|Z$/, '') + ' UTC';
  return h('time', { datetime: iso, title: iso }, text);
}

/** A hash shortened to 12 characters; the full hash on hover and for screen readers. */
export function shortHash(hash: string | null | undefined): HTMLElement | string {
  if (!hash) return '';
  return h('code', { class: 'hash', title: hash, 'aria-label': hash }, hash.length > 12 ? hash.slice(0, 12) + '…' : hash);
}

export function badge(text: string, kind?: string): HTMLElement {
  return h('span', { class: `badge badge-${(kind ?? text).toLowerCase()}` }, text);
}

/** A link to a hash route from path segments (each encoded). */
export function routeHref(...segments: string[]): string {
  return '#/' + segments.map((s) => encodeURIComponent(s)).join('/');
}

export function link(text: Child, ...segments: string[]): HTMLAnchorElement {
  return h('a', { href: routeHref(...segments) }, text);
}

export function section(title: string, ...children: Child[]): HTMLElement {
  return h('section', null, h('h2', null, title), ...children);
}

/** A definition list from label/value pairs (empty values shown as a dash). */
export function facts(pairs: [string, Child][]): HTMLElement {
  return h(
    'dl',
    { class: 'facts' },
    pairs.map(([label, value]) => [
      h('dt', null, label),
      h('dd', null, value === null || value === undefined || value === '' ? '—' : value),
    ]),
  );
}

/** Replaces root's content. */
export function mount(root: HTMLElement, ...children: Child[]): void {
  root.replaceChildren();
  for (const child of children) append(root, child);
}

/** The hash's path segments (decoded) and its query, e.g. "#/decisions?page=2". */
export function currentLocation(): { segments: string[]; query: URLSearchParams } {
  const hash = location.hash.replace(/^#\/?/, '');
  const q = hash.indexOf('?');
  const path = q < 0 ? hash : hash.slice(0, q);
  const query = q < 0 ? '' : hash.slice(q + 1);
  const segments = path.split('/').filter((s) => s.length > 0).map((s) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  });
  return { segments, query: new URLSearchParams(query) };
}
