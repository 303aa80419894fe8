// Continuous calibration (issue #19): the monitored policies (GET /monitoring) and one policy's
// daily backtest (GET /monitoring/{policy}): the traffic light over time, the margin against the
// realised loss with the breach days marked, the zone changes, the alerts, and (author, approver)
// a recalibration proposal stored as a DRAFT for the ordinary four-eyes review.

import { get, hasRole, post, seg } from '../api';
import { badge, facts, h, link, mount, problemBox, section, table, type Child } from '../ui';
import { dayChart, frame, H, M, svg, tick, W } from './evidence-charts';

/** One day's stored result (application/monitoring/MonitoringStore.Result). */
export interface DayResult {
  day: string;
  dataSet: string;
  dataSetVersion: string;
  margin: number;
  loss: number;
  breach: boolean;
  windowDays: number;
  windowBreaches: number;
  confidence: number;
  zone: string;
  cumulativeProbability: number;
  kupiecStatistic: number;
  kupiecP: number;
  independenceP: number;
  conditionalP: number;
  peakToTrough: number | null;
  largestOneDayIncrease: number;
  largestWindowIncrease: number;
  backfill: boolean;
  computedBy: string;
}

interface MonitoredRow {
  policy: string;
  active: boolean;
  dataSet: string;
  latest: DayResult | null;
}

interface Alert {
  kind?: string;
  day?: string;
  [key: string]: unknown;
}

interface PolicyMonitoring {
  policy: string;
  monitored: boolean;
  declaration?: Record<string, unknown>;
  latest: DayResult | null;
  zoneChanges: { day: string; from: string; to: string; windowBreaches: number }[];
  alerts: Alert[];
  results: DayResult[];
}

const ZONE_COLOUR: Record<string, string> = { GREEN: '#2e7d32', YELLOW: '#e0a800', RED: '#c0392b' };

function zone(z: string | null | undefined): Child {
  return z ? badge(z, z.toLowerCase()) : '—';
}

function p(x: number | null | undefined): string {
  return x === null || x === undefined || !Number.isFinite(x) ? '—' : x.toFixed(4);
}

/** The traffic light of every day: one coloured cell per day, its zone and breach count as its title. */
export function zoneStrip(results: DayResult[], testId: string): SVGSVGElement {
  const root = frame('Traffic light over time', 'Day', 'Zone', testId);
  const n = results.length;
  if (!n) return root;
  const plotW = W - M.left - M.right;
  const width = plotW / n;
  const rows = ['RED', 'YELLOW', 'GREEN'];
  const rowH = (H - M.top - M.bottom) / rows.length;
  rows.forEach((z, i) => root.append(svg('text', { x: M.left - 6, y: M.top + rowH * i + rowH / 2 + 4, 'text-anchor': 'end', 'font-size': 10, fill: '#1a1f29' }, z.toLowerCase())));
  results.forEach((r, i) => {
    const row = Math.max(0, rows.indexOf(r.zone));
    root.append(
      svg(
        'rect',
        { x: (M.left + i * width).toFixed(2), y: (M.top + row * rowH).toFixed(2), width: Math.max(width, 0.5).toFixed(2), height: rowH.toFixed(2), fill: ZONE_COLOUR[r.zone] ?? '#888', 'data-day': r.day, 'data-zone': r.zone },
        svg('title', {}, `${r.day}: ${r.zone}, ${r.windowBreaches} breaches in ${r.windowDays} days`),
      ),
    );
  });
  root.append(
    svg('text', { x: M.left, y: H - M.bottom + 16, 'text-anchor': 'start', 'font-size': 10, fill: '#1a1f29' }, results[0].day),
    svg('text', { x: W - M.right, y: H - M.bottom + 16, 'text-anchor': 'end', 'font-size': 10, fill: '#1a1f29' }, results[n - 1].day),
  );
  return root;
}

/** Margin and realised loss day by day; breach days (loss above margin) marked with red dots. */
export function marginLossChart(results: DayResult[], currency: string, testId: string): SVGSVGElement {
  return dayChart({
    title: 'Margin vs realised loss',
    yLabel: `Amount (${currency})`,
    testId,
    days: results.map((r) => r.day),
    series: [
      { values: results.map((r) => r.loss), colour: '#8a8f99', name: 'loss' },
      { values: results.map((r) => r.margin), colour: '#2f6db5', name: 'margin' },
    ],
    dots: results.flatMap((r, i) =>
      r.breach
        ? [{ i, value: r.loss, attrs: { r: 3, fill: '#c0392b', 'data-breach': r.day }, title: `${r.day}: loss ${tick(r.loss)} > margin ${tick(r.margin)}` }]
        : [],
    ),
    legend: [
      ['— margin', '#2f6db5'],
      ['— realised loss; dots: breaches (loss above margin)', '#8a8f99'],
    ],
  });
}

async function list(root: HTMLElement): Promise<void> {
  const rows = await get<MonitoredRow[]>('/monitoring');
  mount(
    root,
    h('h1', null, 'Monitoring'),
    h('p', { class: 'muted' }, 'Policies that declare a monitoring portfolio (manifest key monitoring:), backtested by the service after every new market data observation.'),
    rows.length
      ? table(
          ['Policy', 'Active', 'Data set', 'Latest day', 'Zone', 'Breaches in window', 'Kupiec p'],
          rows.map((r) => [
            link(r.policy, 'monitoring', r.policy.split('@')[0]),
            r.active ? badge('active', 'active') : '',
            h('code', null, r.dataSet),
            r.latest?.day ?? '—',
            zone(r.latest?.zone),
            r.latest ? `${r.latest.windowBreaches} / ${r.latest.windowDays}` : '—',
            p(r.latest?.kupiecP),
          ]),
          { 'data-test': 'monitored', caption: 'Monitored policy versions' },
        )
      : h('p', null, 'No policy version declares a monitoring portfolio.'),
  );
}

async function one(root: HTMLElement, policy: string, message?: Child): Promise<void> {
  const m = await get<PolicyMonitoring>(`/monitoring/${seg(policy)}`);
  const last = m.latest;
  const currency = String((m.declaration?.portfolio as { currency?: string } | undefined)?.currency ?? 'portfolio currency');
  const output = h('div', { 'aria-live': 'polite' }, message ?? null);
  const propose = async () => {
    mount(output, h('p', { class: 'muted' }, 'Calibrating within the manifest bounds…'));
    try {
      const r = await post<{ draft: string | null; state: string | null; summary: string | null; winner: Record<string, string> | null }>(`/monitoring/${seg(policy)}/proposals`);
      const [draftId, draftVersion] = (r.draft ?? '').split('@');
      mount(
        output,
        h(
          'div',
          { class: r.draft ? 'done' : 'muted', role: 'status', 'data-test': 'proposal' },
          r.draft ? ['Proposed ', link(r.draft, 'policies', draftId, draftVersion), ' ', r.state ? badge(r.state) : null, ': it needs an approver and an activation like any version.'] : 'No proposal stored.',
          r.summary ? h('p', null, r.summary) : null,
          r.winner ? table(['Parameter', 'Value'], Object.entries(r.winner).map(([k, v]) => [h('code', null, k), v]), { caption: 'Winner within the bounds' }) : null,
        ),
      );
    } catch (err) {
      mount(output, problemBox(err));
    }
  };
  mount(
    root,
    h('p', { class: 'crumbs' }, link('Monitoring', 'monitoring'), ' / ', m.policy),
    h('h1', null, 'Monitoring of ', m.policy, ' ', zone(last?.zone)),
    facts([
      ['Latest day', h('span', { 'data-test': 'latest-day' }, last?.day ?? '—')],
      ['Zone', h('span', { 'data-test': 'latest-zone' }, zone(last?.zone))],
      ['Breaches in the window', last ? `${last.windowBreaches} in ${last.windowDays} days at ${(last.confidence * 100).toFixed(1)}%` : '—'],
      ['Kupiec POF p-value', p(last?.kupiecP)],
      ['Christoffersen independence p / conditional coverage p', last ? `${p(last.independenceP)} / ${p(last.conditionalP)}` : '—'],
      ['Procyclicality: largest one-day / window margin increase', last ? `${tick(last.largestOneDayIncrease)} / ${tick(last.largestWindowIncrease)}` : '—'],
      ['Data set', last ? h('code', null, `${last.dataSet}@${last.dataSetVersion}`) : '—'],
    ]),
    hasRole('author', 'approver') ? h('div', { class: 'toolbar' }, h('button', { type: 'button', id: 'propose', onclick: () => void propose() }, 'Propose a recalibration'), output) : output,
    section('Traffic light over time', zoneStrip(m.results, 'zone-strip')),
    section('Margin vs realised loss', marginLossChart(m.results, currency, 'margin-loss-chart')),
    section(
      'Zone changes',
      m.zoneChanges.length
        ? table(['Day', 'From', 'To', 'Breaches in window'], m.zoneChanges.map((c) => [c.day, zone(c.from), zone(c.to), String(c.windowBreaches)]), { 'data-test': 'zone-changes' })
        : h('p', { class: 'muted' }, 'No zone change in these days.'),
    ),
    section(
      'Alerts',
      m.alerts.length
        ? table(['Alert'], m.alerts.map((a) => [h('code', null, JSON.stringify(a))]), { 'data-test': 'alerts' })
        : h('p', { class: 'muted' }, 'No alert.'),
    ),
    section(
      'Days',
      table(
        ['Day', `Margin (${currency})`, `Loss (${currency})`, 'Breach', 'Zone', 'Breaches in window'],
        [...m.results].reverse().slice(0, 30).map((r) => ({ cells: [r.day, tick(r.margin), tick(r.loss), r.breach ? badge('breach', 'rejected') : '', zone(r.zone), String(r.windowBreaches)], className: r.breach ? 'changed' : undefined })),
        { 'data-test': 'days', caption: 'The last 30 days, newest first' },
      ),
    ),
  );
}

export async function render(root: HTMLElement, params: string[]): Promise<void> {
  const [policy] = params;
  if (policy) await one(root, policy);
  else await list(root);
}
