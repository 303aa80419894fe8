// Continuous calibration (issue #19): the monitored policies (GET /monitoring) and one policy's
// daily backtest (GET /monitoring/{policy}): the traffic light over time, the margin against the
// realised loss with the breach days marked, the zone changes, the alerts, and (author, approver)
// a recalibration proposal stored as a DRAFT for the ordinary four-eyes review.

import { get, hasRole, post, seg } from '../api';
import { badge, facts, h, link, mount, problemBox, section, table, type Child } from '../ui';
import { frame, H, legend, M, svg, tick, W } from './evidence-charts';

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
  const root = frame('Margin vs realised loss', 'Day', `Amount (${currency})`, testId);
  const n = results.length;
  if (!n) return root;
  const values = results.flatMap((r) => [r.margin, r.loss]).filter((x) => Number.isFinite(x));
  const lo = Math.min(0, ...values);
  const hi = Math.max(...values, 1);
  const plotW = W - M.left - M.right;
  const plotH = H - M.top - M.bottom;
  const x = (i: number) => M.left + (n === 1 ? 0 : (i / (n - 1)) * plotW);
  const y = (v: number) => H - M.bottom - ((v - lo) / (hi - lo)) * plotH;
  const line = (series: number[], colour: string, name: string) =>
    svg('polyline', { points: series.map((v, i) => `${x(i).toFixed(1)},${y(Number.isFinite(v) ? v : 0).toFixed(1)}`).join(' '), fill: 'none', stroke: colour, 'stroke-width': 1.2, 'data-series': name });
  root.append(line(results.map((r) => r.loss), '#8a8f99', 'loss'), line(results.map((r) => r.margin), '#2f6db5', 'margin'));
  results.forEach((r, i) => {
    if (r.breach) root.append(svg('circle', { cx: x(i), cy: y(r.loss), r: 3, fill: '#c0392b', 'data-breach': r.day }, svg('title', {}, `${r.day}: loss ${tick(r.loss)} > margin ${tick(r.margin)}`)));
  });
  for (const v of [lo, (lo + hi) / 2, hi]) {
    root.append(svg('text', { x: M.left - 6, y: y(v) + 4, 'text-anchor': 'end', 'font-size': 10, fill: '#1a1f29' }, tick(v)));
  }
  root.append(
    svg('text', { x: M.left, y: H - M.bottom + 16, 'text-anchor': 'start', 'font-size': 10, fill: '#1a1f29' }, results[0].day),
    svg('text', { x: W - M.right, y: H - M.bottom + 16, 'text-anchor': 'end', 'font-size': 10, fill: '#1a1f29' }, results[n - 1].day),
    legend([
      ['— margin', '#2f6db5'],
      ['— realised loss; dots: breaches (loss above margin)', '#8a8f99'],
    ]),
  );
  return root;
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
