// What-if (POST /what-if): an account and market (the margin request JSON, pasted) plus orders as
// if filled; the figures and liquidation prices before and after, with the stated assumptions.
// The account can be taken from a stored decision (GET /decisions/{id}/request; route
// #/what-if?decision=<id>). Nothing is stored.

import { ApiError, get, post, seg } from '../api';
import { badge, currentLocation, h, link, mount, problemBox, section, shortHash, table, type Child } from '../ui';

interface Figures {
  status: string;
  initialMargin: string;
  maintenanceMargin: string;
  marginBalance: string;
  marginRatio: string | null;
  walletBalance: string;
}

interface WhatIfResult {
  policy: { id: string; version: string; hash: string };
  before: Figures;
  after: Figures;
  positions: {
    instrument: string;
    quantityBefore: string | null;
    quantityAfter: string | null;
    liquidationPriceBefore: string | null;
    liquidationPriceAfter: string | null;
  }[];
  assumptions: unknown[];
  decision?: { currency?: string };
}

const ORDERS_EXAMPLE = '[\n  { "instrument": "BTCUSDT", "quantity": "0.6", "price": "61000" }\n]';

function parse(text: string, field: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new Error(`${field}: not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
}

function changedCell(before: string | null | undefined, after: string | null | undefined): Child[] {
  const b = before ?? '—';
  const a = after ?? '—';
  return [b, h('span', { class: b === a ? undefined : 'changed' }, a)];
}

export async function render(root: HTMLElement, _params: string[]): Promise<void> {
  const request = h('textarea', { id: 'whatif-request', name: 'request', rows: 14, cols: 80, spellcheck: false });
  const orders = h('textarea', { id: 'whatif-orders', name: 'orders', rows: 5, cols: 80, spellcheck: false });
  orders.value = ORDERS_EXAMPLE;
  const policy = h('input', { id: 'whatif-policy', name: 'policy', size: 24, placeholder: 'active version' });
  const button = h('button', { type: 'submit', id: 'whatif-run' }, 'Evaluate');
  const output = h('div', { 'aria-live': 'polite' });
  // An account from a stored decision (GET /decisions/{id}/request): the request as stored.
  const fromId = h('input', { id: 'whatif-decision', name: 'decision', size: 40, value: currentLocation().query.get('decision') ?? '' });
  const fromStatus = h('span', { 'aria-live': 'polite' });
  const load = async () => {
    const id = fromId.value.trim();
    if (!id) return;
    mount(fromStatus, h('span', { class: 'muted' }, 'Loading…'));
    try {
      const stored = await get<{ decisionId: string; request: unknown }>(`/decisions/${seg(id)}/request`);
      request.value = JSON.stringify(stored.request, null, 2);
      mount(fromStatus, h('span', { 'data-test': 'whatif-loaded' }, 'Request of decision ', link(shortHash(stored.decisionId), 'decisions', stored.decisionId), ' loaded.'));
    } catch (err) {
      mount(fromStatus, problemBox(err));
    }
  };
  const fromForm = h(
    'form',
    {
      class: 'filters',
      onsubmit: (event: Event) => {
        event.preventDefault();
        void load();
      },
    },
    h('div', { class: 'field' }, h('label', { for: 'whatif-decision' }, 'Take the account from a stored decision (decision id)'), fromId),
    h('button', { type: 'submit', id: 'whatif-load', class: 'secondary' }, 'Load its request'),
    fromStatus,
  );
  const form = h(
    'form',
    { class: 'whatif' },
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'whatif-request' }, 'Margin request (JSON: account and market, as for POST /decisions)'),
      request,
    ),
    h('div', { class: 'field' }, h('label', { for: 'whatif-orders' }, 'Orders as if filled (JSON array: instrument, quantity, price?)'), orders),
    h('div', { class: 'filters' }, h('div', { class: 'field' }, h('label', { for: 'whatif-policy' }, 'Policy (id or id@version, optional)'), policy), button),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    button.disabled = true;
    mount(output, h('p', { class: 'muted' }, 'Evaluating…'));
    try {
      const body: Record<string, unknown> = { request: parse(request.value, 'Margin request'), orders: parse(orders.value, 'Orders') };
      if (policy.value.trim()) body.policy = policy.value.trim();
      const r = await post<WhatIfResult>('/what-if', body);
      const currency = r.decision?.currency ? ` (${r.decision.currency})` : '';
      const row = (label: string, key: keyof Figures) => [label, ...changedCell(r.before[key], r.after[key])];
      mount(
        output,
        section(
          'Result',
          h('p', null, 'Under ', link(`${r.policy.id}@${r.policy.version}`, 'policies', r.policy.id, r.policy.version), '; nothing was stored.'),
          table(
            ['Figure' + currency, 'Before', 'After'],
            [
              ['Status', badge(r.before.status, r.before.status), badge(r.after.status, r.after.status)],
              row('Initial margin', 'initialMargin'),
              row('Maintenance margin', 'maintenanceMargin'),
              row('Margin balance', 'marginBalance'),
              row('Margin ratio', 'marginRatio'),
              row('Wallet balance', 'walletBalance'),
            ],
            { 'data-test': 'whatif-figures', class: 'kv' },
          ),
          table(
            ['Instrument', 'Quantity before', 'Quantity after', 'Liquidation price before', 'Liquidation price after'],
            r.positions.map((p) => [
              p.instrument,
              ...changedCell(p.quantityBefore, p.quantityAfter),
              ...changedCell(p.liquidationPriceBefore, p.liquidationPriceAfter),
            ]),
            { 'data-test': 'whatif-positions', caption: 'Positions' },
          ),
          h('h3', null, 'Assumptions'),
          r.assumptions.length
            ? h('ul', null, r.assumptions.map((a) => h('li', null, typeof a === 'string' ? a : JSON.stringify(a))))
            : h('p', { class: 'muted' }, 'None stated.'),
        ),
      );
    } catch (err) {
      mount(
        output,
        err instanceof ApiError
          ? problemBox(err)
          : h('div', { class: 'problem', role: 'alert' }, h('strong', null, 'Check the input'), h('p', null, err instanceof Error ? err.message : String(err))),
      );
    } finally {
      button.disabled = false;
    }
  });
  if (fromId.value) void load();
  mount(
    root,
    h('h1', null, 'What-if'),
    h('p', null, 'Paste an account and market (for instance one of the repository\'s ', h('code', null, 'examples/*.json'), '), or take them from a stored decision, and the orders to try.'),
    fromForm,
    form,
    output,
  );
}
