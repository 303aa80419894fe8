import { ApiError, signIn } from '../api';
import { currentLocation, h, mount, problemBox } from '../ui';

function message(err: unknown): HTMLElement {
  if (err instanceof ApiError && err.status === 401) {
    return h('div', { class: 'problem', role: 'alert' }, h('strong', null, 'Wrong user name or password.'));
  }
  if (err instanceof ApiError && err.status === 429) {
    return h(
      'div',
      { class: 'problem', role: 'alert' },
      h('strong', null, 'Too many failed sign-ins.'),
      h('p', null, err.problem.detail ?? 'Wait a few minutes, then try again.'),
    );
  }
  return problemBox(err);
}

export async function render(root: HTMLElement, _params: string[]): Promise<void> {
  const user = h('input', { id: 'user', name: 'user', autocomplete: 'username', required: true, autofocus: true });
  const password = h('input', { id: 'password', name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const button = h('button', { id: 'sign-in', type: 'submit' }, 'Sign in');
  const status = h('div', { id: 'sign-in-status', 'aria-live': 'assertive' });
  const form = h(
    'form',
    { class: 'sign-in', novalidate: true },
    h('div', { class: 'field' }, h('label', { for: 'user' }, 'User name'), user),
    h('div', { class: 'field' }, h('label', { for: 'password' }, 'Password'), password),
    button,
    status,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!user.value.trim() || !password.value) {
      mount(status, h('div', { class: 'problem', role: 'alert' }, h('strong', null, 'Enter a user name and a password.')));
      return;
    }
    button.disabled = true;
    mount(status, h('p', { class: 'muted' }, 'Signing in…'));
    try {
      await signIn(user.value.trim(), password.value);
      password.value = '';
      const next = currentLocation().query.get('next');
      location.hash = next && next.startsWith('/') && !next.startsWith('/sign-in') ? '#' + next : '#/policies';
    } catch (err) {
      mount(status, message(err));
      password.select();
    } finally {
      button.disabled = false;
    }
  });
  mount(
    root,
    h('h1', null, 'Sign in'),
    h('p', null, 'Sign in with your Fulcrum user. In demo mode: author, approver, lead, decider or auditor, password ', h('code', null, '<name>-demo'), '.'),
    form,
  );
  user.focus();
}
