// The version page's "New version from <version>" link (the authoring page itself, with its
// editors, is loaded only when opened: pages/author.ts).

import { hasRole } from '../api';
import { h, routeHref } from '../ui';

/** For users who may upload (author role): opens #/author/<policy>/<version>. */
export function newVersionLink(policy: string, version: string): HTMLElement | null {
  if (!hasRole('author')) return null;
  return h(
    'p',
    { class: 'toolbar' },
    h('a', { class: 'button', id: 'new-version', href: routeHref('author', policy, version) }, `New version from ${version}`),
    h('span', { class: 'muted' }, ' Copy this version into a draft you edit in the browser.'),
  );
}
