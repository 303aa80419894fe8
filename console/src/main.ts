// Hash router, top navigation and the sign-in guard of the compliance console.

import './console.css';
import { currentUser, hasRole, onSessionChange, signOut } from './api';
import { currentLocation, h, mount, problemBox } from './ui';
import * as signInPage from './pages/sign-in';
import * as policiesPage from './pages/policies';
import * as versionPage from './pages/version';
import * as diffPage from './pages/diff';
import * as auditPage from './pages/audit';
import * as whatIfPage from './pages/what-if';
import * as decisionsPage from './pages/decisions';
import * as decisionPage from './pages/decision';
import * as evidencePage from './pages/evidence';
import * as monitoringPage from './pages/monitoring';

type Render = (root: HTMLElement, params: string[]) => Promise<void>;

interface Route {
  /** Path segments; `:x` matches one segment and passes it (decoded) as a parameter. */
  pattern: string[];
  render: Render;
  /** The top navigation entry this route belongs to. */
  nav?: string;
}

const routes: Route[] = [
  { pattern: ['sign-in'], render: signInPage.render },
  { pattern: ['policies'], render: policiesPage.render, nav: 'policies' },
  { pattern: ['policies', ':id', ':version'], render: versionPage.render, nav: 'policies' },
  { pattern: ['diff', ':id', ':from', ':to'], render: diffPage.render, nav: 'policies' },
  { pattern: ['decisions'], render: decisionsPage.render, nav: 'decisions' },
  { pattern: ['decisions', ':id'], render: decisionPage.render, nav: 'decisions' },
  { pattern: ['what-if'], render: whatIfPage.render, nav: 'what-if' },
  { pattern: ['audit'], render: auditPage.render, nav: 'audit' },
  { pattern: ['author', ':id', ':from'], render: (root, params) => import('./pages/author').then((m) => m.render(root, params)), nav: 'policies' },
  { pattern: ['evidence', ':id'], render: evidencePage.render, nav: 'policies' },
  { pattern: ['monitoring'], render: monitoringPage.render, nav: 'monitoring' },
  { pattern: ['monitoring', ':policy'], render: monitoringPage.render, nav: 'monitoring' },
];

// Pages in the navigation for the roles whose calls they make (GET /me at sign-in); the routes stay
// reachable by address, and the service refuses what the role may not do.
const navigation: { key: string; label: string; href: string; roles?: string[] }[] = [
  { key: 'policies', label: 'Policies', href: '#/policies' },
  { key: 'decisions', label: 'Decisions', href: '#/decisions', roles: ['auditor'] },
  { key: 'what-if', label: 'What-if', href: '#/what-if', roles: ['decider'] },
  { key: 'monitoring', label: 'Monitoring', href: '#/monitoring', roles: ['auditor', 'author', 'approver', 'decider'] },
  { key: 'audit', label: 'Audit', href: '#/audit' },
];

function match(segments: string[]): { route: Route; params: string[] } | null {
  for (const route of routes) {
    if (route.pattern.length !== segments.length) continue;
    const params: string[] = [];
    let ok = true;
    route.pattern.forEach((part, i) => {
      if (part.startsWith(':')) params.push(segments[i]);
      else if (part !== segments[i]) ok = false;
    });
    if (ok) return { route, params };
  }
  return null;
}

function renderHeader(activeNav: string | undefined): void {
  const header = document.getElementById('top')!;
  const user = currentUser();
  mount(
    header,
    h('a', { class: 'brand', href: '#/policies' }, 'Fulcrum console'),
    user
      ? h(
          'nav',
          { 'aria-label': 'Pages' },
          h(
            'ul',
            null,
            navigation.filter((item) => !item.roles || hasRole(...item.roles)).map((item) =>
              h('li', null, h('a', { href: item.href, 'aria-current': item.key === activeNav ? 'page' : null }, item.label)),
            ),
          ),
        )
      : null,
    user
      ? h(
          'div',
          { class: 'who' },
          h('span', { id: 'signed-in-user' }, 'Signed in as ', h('strong', null, user.user)),
          user.roles.length ? h('span', { class: 'muted' }, ` (${user.roles.join(', ')})`) : null,
          h('button', { type: 'button', id: 'sign-out', onclick: () => signOut() }, 'Sign out'),
        )
      : null,
  );
}

let generation = 0;

async function route(): Promise<void> {
  const { segments } = currentLocation();
  if (segments.length === 0) {
    location.replace('#/policies');
    return;
  }
  const user = currentUser();
  if (!user && segments[0] !== 'sign-in') {
    const next = location.hash.replace(/^#/, '');
    location.replace('#/sign-in?next=' + encodeURIComponent(next));
    return;
  }
  const main = document.getElementById('main')!;
  const found = match(segments);
  renderHeader(found?.route.nav);
  // Each navigation renders into a fresh container; a slower earlier page cannot overwrite it.
  const mine = ++generation;
  const root = h('div', { class: 'page' });
  mount(main, root);
  if (!found) {
    mount(root, h('h1', null, 'Page not found'), h('p', null, 'No page at ', h('code', null, location.hash), '.'));
    return;
  }
  mount(root, h('p', { class: 'muted', 'aria-live': 'polite' }, 'Loading…'));
  try {
    await found.route.render(root, found.params);
  } catch (err) {
    if (mine !== generation) return;
    mount(root, h('h1', null, 'Could not load the page'), problemBox(err));
  }
  if (mine === generation) {
    const title = root.querySelector('h1')?.textContent;
    document.title = title ? `${title} · Fulcrum console` : 'Fulcrum console';
    // Keyboard and screen-reader users start on the new page's content, not where the old one was
    // (the sign-in page focuses its first field itself).
    if (!main.contains(document.activeElement)) main.focus({ preventScroll: true });
  }
}

onSessionChange((user) => {
  if (!user) {
    const next = location.hash.replace(/^#/, '');
    location.hash = next.startsWith('/sign-in') ? next : '#/sign-in?next=' + encodeURIComponent(next);
  }
});
window.addEventListener('hashchange', () => void route());
void route();
