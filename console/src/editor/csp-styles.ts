// The console runs under a content-security policy that allows same-origin style sheets only (no
// inline <style>). CodeMirror (style-mod) writes its theme into a <style> element in <head>, which
// the policy blocks; this copies every such element's rules into a constructable style sheet
// adopted by the document (CSSOM, which the policy allows) and keeps it in step when the element's
// text changes. The rules are the editors' own, from the bundled code; nothing from data.

const adopted = new WeakMap<HTMLStyleElement, CSSStyleSheet>();

function adopt(tag: HTMLStyleElement): void {
  let sheet = adopted.get(tag);
  if (!sheet) {
    sheet = new CSSStyleSheet();
    adopted.set(tag, sheet);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    const copy = sheet;
    new MutationObserver(() => copy.replaceSync(tag.textContent ?? '')).observe(tag, { childList: true, characterData: true, subtree: true });
  }
  sheet.replaceSync(tag.textContent ?? '');
}

let installed = false;

/** Starts copying; idempotent. Call before the first editor is created. */
export function adoptInlineStyles(): void {
  if (installed) return;
  installed = true;
  document.head.querySelectorAll('style').forEach(adopt);
  new MutationObserver((records) => {
    for (const r of records) {
      r.addedNodes.forEach((n) => {
        if (n instanceof HTMLStyleElement) adopt(n);
      });
    }
  }).observe(document.head, { childList: true });
}
