// Bundle text files (DRL, manifest, scenarios) in a CodeMirror 6 editor: line numbers, search,
// YAML highlighting for the manifest, and the service's `file:line` problems shown inline at their
// line (lint markers in the gutter, the line underlined, the message on hover and in the panel).

import { basicSetup } from 'codemirror';
import { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { yaml } from '@codemirror/lang-yaml';
import { h, mount } from '../ui';

export interface CodeProblem {
  line: number;
  message: string;
  severity: 'error' | 'warning';
}

export interface CodeEditor {
  readonly file: string;
  readonly element: HTMLElement;
  text(): string;
  /** Replaces the whole text (the parameter form writes the manifest through it). */
  setText(text: string): void;
  /** Shows these problems at their lines (line 0 or beyond the end: on the first line). */
  problems(list: CodeProblem[]): void;
}

export function codeEditor(file: string, initial: string, onChange: (text: string) => void): CodeEditor {
  const host = h('div', { class: 'code-editor', 'data-test': 'code-editor', 'data-file': file });
  const listed = h('ul', { class: 'plain code-problems', 'data-test': 'code-problems', 'data-file': file });
  let quiet = false;
  const view = new EditorView({
    parent: host,
    state: EditorState.create({
      doc: initial,
      extensions: [
        basicSetup,
        lintGutter(),
        /\.ya?ml$/i.test(file) ? yaml() : [],
        EditorView.contentAttributes.of({ 'aria-label': `${file} (editable)` }),
        EditorView.updateListener.of((u) => {
          if (u.docChanged && !quiet) onChange(u.state.doc.toString());
        }),
      ],
    }),
  });
  return {
    file,
    element: h('div', { class: 'file' }, h('h3', null, h('code', null, file)), host, listed),
    text: () => view.state.doc.toString(),
    setText: (text: string) => {
      if (text === view.state.doc.toString()) return;
      quiet = true;
      try {
        view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
      } finally {
        quiet = false;
      }
    },
    problems: (list: CodeProblem[]) => {
      const doc = view.state.doc;
      const diagnostics: Diagnostic[] = list.map((p) => {
        const line = doc.line(Math.min(Math.max(p.line, 1), doc.lines));
        return { from: line.from, to: Math.max(line.to, line.from), severity: p.severity, message: p.line > 0 ? `line ${p.line}: ${p.message}` : p.message };
      });
      view.dispatch(setDiagnostics(view.state, diagnostics));
      mount(
        listed,
        list.map((p) =>
          h('li', { class: p.severity === 'error' ? 'problem-line' : 'warning-line', 'data-test': 'code-problem', 'data-line': p.line }, h('code', null, `${file}:${p.line}`), ' ', p.message),
        ),
      );
    },
  };
}
