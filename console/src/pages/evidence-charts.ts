// SVG charts of the evidence pages: histograms of IM/MM changes and the backtest breaches chart.
// Built with createElementNS and presentation attributes only (the console's CSP has no inline
// styles); every chart has a title, labelled axes with tick values, and a text alternative.

import type { BacktestSide, Histogram } from './evidence-types';

const NS = 'http://www.w3.org/2000/svg';

export function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>,
  ...children: (SVGElement | string)[]
): SVGElementTagNameMap[K] {
  const e = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  for (const c of children) e.append(c);
  return e;
}

/** A short number for an axis tick: 12345.6 -> "12,346", 0.000123 -> "0.000123". */
export function tick(x: number): string {
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (a >= 1000) return Math.round(x).toLocaleString('en-US');
  if (a >= 1) return x.toFixed(a >= 100 ? 0 : 2).replace(/\.?0+$/, '');
  return x.toPrecision(3);
}

export const W = 560;
export const H = 260;
export const M = { left: 64, right: 16, top: 28, bottom: 56 };

export function frame(title: string, xLabel: string, yLabel: string, testId: string): SVGSVGElement {
  const root = svg('svg', {
    viewBox: `0 0 ${W} ${H}`,
    width: W,
    height: H,
    role: 'img',
    'aria-label': `${title}: x axis ${xLabel}, y axis ${yLabel}`,
    'data-test': testId,
    class: 'chart',
  });
  root.append(
    svg('title', {}, title),
    svg('text', { x: W / 2, y: 16, 'text-anchor': 'middle', 'font-size': 13, 'font-weight': 'bold', fill: '#1a1f29' }, title),
    svg('text', { x: M.left + (W - M.left - M.right) / 2, y: H - 8, 'text-anchor': 'middle', 'font-size': 12, fill: '#1a1f29', 'data-axis': 'x' }, xLabel),
    svg(
      'text',
      { x: 14, y: M.top + (H - M.top - M.bottom) / 2, 'text-anchor': 'middle', 'font-size': 12, fill: '#1a1f29', transform: `rotate(-90 14 ${M.top + (H - M.top - M.bottom) / 2})`, 'data-axis': 'y' },
      yLabel,
    ),
    svg('line', { x1: M.left, y1: H - M.bottom, x2: W - M.right, y2: H - M.bottom, stroke: '#444' }),
    svg('line', { x1: M.left, y1: M.top, x2: M.left, y2: H - M.bottom, stroke: '#444' }),
  );
  return root;
}

/**
 * The key of a chart's series, in one row under the x axis's end ticks (never over the plot, where
 * it hid the lines it names).
 */
export function legend(entries: [string, string][]): SVGTextElement {
  const text = svg('text', { x: M.left + (W - M.left - M.right) / 2, y: H - M.bottom + 30, 'text-anchor': 'middle', 'font-size': 10, 'data-legend': '' });
  entries.forEach(([label, colour], i) => text.append(svg('tspan', { fill: colour, dx: i === 0 ? 0 : 12 }, label)));
  return text;
}

/** A histogram: one bar per bin, its count as the bar's title; x ticks at the bins' edges. */
export function histogramChart(title: string, hist: Histogram, testId: string): SVGSVGElement {
  const root = frame(title, hist.xAxis, hist.yAxis, testId);
  const bins = hist.bins;
  if (!bins.length) {
    root.append(svg('text', { x: W / 2, y: H / 2, 'text-anchor': 'middle', 'font-size': 12, fill: '#555' }, 'No changed cells'));
    return root;
  }
  const maxCount = Math.max(...bins.map((b) => b.count), 1);
  const plotW = W - M.left - M.right;
  const plotH = H - M.top - M.bottom;
  if (bins.length === 1 && bins[0].from === bins[0].to) {
    // Every changed cell has the same value: one bar at that value, labelled once, instead of a
    // full-width bar between two equal ticks.
    const b = bins[0];
    const bw1 = plotW / 5;
    const x = M.left + (plotW - bw1) / 2;
    const bar = svg('rect', {
      x, y: M.top, width: bw1, height: plotH, fill: '#2f6db5',
      'data-count': b.count, 'data-from': b.from, 'data-to': b.to, class: 'bar',
    });
    bar.append(svg('title', {}, `${tick(b.from)}: ${b.count} cell(s)`));
    root.append(
      bar,
      svg('line', { x1: M.left - 4, y1: M.top, x2: M.left, y2: M.top, stroke: '#444' }),
      svg('text', { x: M.left - 6, y: M.top + 4, 'text-anchor': 'end', 'font-size': 10, fill: '#1a1f29' }, String(b.count)),
      svg('line', { x1: M.left - 4, y1: H - M.bottom, x2: M.left, y2: H - M.bottom, stroke: '#444' }),
      svg('text', { x: M.left - 6, y: H - M.bottom + 4, 'text-anchor': 'end', 'font-size': 10, fill: '#1a1f29' }, '0'),
      svg('line', { x1: M.left + plotW / 2, y1: H - M.bottom, x2: M.left + plotW / 2, y2: H - M.bottom + 4, stroke: '#444' }),
      svg('text', { x: M.left + plotW / 2, y: H - M.bottom + 16, 'text-anchor': 'middle', 'font-size': 10, fill: '#1a1f29' },
        `${tick(b.from)} (every changed cell)`),
    );
    return root;
  }
  const bw = plotW / bins.length;
  bins.forEach((b, i) => {
    const bh = (b.count / maxCount) * plotH;
    const bar = svg('rect', {
      x: M.left + i * bw + 1,
      y: H - M.bottom - bh,
      width: Math.max(bw - 2, 1),
      height: bh,
      fill: '#2f6db5',
      'data-count': b.count,
      'data-from': b.from,
      'data-to': b.to,
      class: 'bar',
    });
    bar.append(svg('title', {}, `${tick(b.from)} to ${tick(b.to)}: ${b.count} cell(s)`));
    root.append(bar);
  });
  // y ticks: 0, half, max
  for (const v of [0, Math.round(maxCount / 2), maxCount]) {
    const y = H - M.bottom - (v / maxCount) * plotH;
    root.append(
      svg('line', { x1: M.left - 4, y1: y, x2: M.left, y2: y, stroke: '#444' }),
      svg('text', { x: M.left - 6, y: y + 4, 'text-anchor': 'end', 'font-size': 10, fill: '#1a1f29' }, String(v)),
    );
  }
  // x ticks: first edge, middle edge, last edge
  const edges = [bins[0].from, bins[Math.floor(bins.length / 2)].from, bins[bins.length - 1].to];
  const positions = [0, Math.floor(bins.length / 2) * bw, plotW];
  edges.forEach((v, i) => {
    const x = M.left + positions[i];
    root.append(
      svg('line', { x1: x, y1: H - M.bottom, x2: x, y2: H - M.bottom + 4, stroke: '#444' }),
      svg('text', { x, y: H - M.bottom + 16, 'text-anchor': 'middle', 'font-size': 10, fill: '#1a1f29' }, tick(v)),
    );
  });
  return root;
}

/**
 * Realised loss against the margin of both versions, day by day; breach days of the candidate
 * marked with red dots, of the baseline with hollow circles.
 */
export function breachesChart(candidate: BacktestSide, baseline: BacktestSide, testId: string): SVGSVGElement {
  const dots = (side: BacktestSide, attrs: (b: { loss: number }) => Record<string, string | number>) => {
    const index = new Map(side.dates.map((d, i) => [d, i]));
    return side.breaches.flatMap((b) => {
      const i = index.get(String(b.date));
      return i === undefined ? [] : [{ i, value: b.loss, attrs: attrs(b) }];
    });
  };
  return dayChart({
    title: 'Margin vs realised loss',
    yLabel: 'Amount (portfolio currency)',
    testId,
    days: candidate.dates.map(String),
    series: [
      { values: candidate.losses, colour: '#8a8f99', name: 'loss' },
      { values: baseline.margins, colour: '#b57a2f', name: 'baseline margin', dash: '4 3' },
      { values: candidate.margins, colour: '#2f6db5', name: 'candidate margin' },
    ],
    dots: [
      ...dots(candidate, () => ({ r: 3, fill: '#c0392b', 'data-breach': 'candidate' })),
      ...dots(baseline, () => ({ r: 4, fill: 'none', stroke: '#b57a2f', 'data-breach': 'baseline' })),
    ],
    legend: [
      [`— ${candidate.policy} margin`, '#2f6db5'],
      [`- - ${baseline.policy} margin`, '#b57a2f'],
      ['— realised loss; dots: breaches', '#8a8f99'],
    ],
  });
}

/** A line of values per day. */
export interface DaySeries {
  values: number[];
  colour: string;
  name: string;
  dash?: string;
}

/** A marked point: day index, value, and the circle's attributes (radius, colours, data-*). */
export interface DayDot {
  i: number;
  value: number;
  attrs: Record<string, string | number>;
  title?: string;
}

/**
 * Amounts day by day (margin and realised loss in the backtest and monitoring pages): lines, dots
 * on chosen days, the y axis from min(0, values) to max(values, 1) with three ticks, the first
 * and last day under the x axis, and a legend row under the plot.
 */
export function dayChart(c: {
  title: string;
  yLabel: string;
  testId: string;
  days: string[];
  series: DaySeries[];
  dots: DayDot[];
  legend: [string, string][];
}): SVGSVGElement {
  const root = frame(c.title, 'Day', c.yLabel, c.testId);
  const n = c.days.length;
  if (!n) return root;
  const values = c.series.flatMap((s) => s.values).filter((x) => Number.isFinite(x));
  const lo = Math.min(0, ...values);
  const hi = Math.max(...values, 1);
  const plotW = W - M.left - M.right;
  const plotH = H - M.top - M.bottom;
  const x = (i: number) => M.left + (n === 1 ? 0 : (i / (n - 1)) * plotW);
  const y = (v: number) => H - M.bottom - ((v - lo) / (hi - lo)) * plotH;
  for (const s of c.series) {
    const points = s.values.map((v, i) => `${x(i).toFixed(1)},${y(Number.isFinite(v) ? v : 0).toFixed(1)}`).join(' ');
    const attrs: Record<string, string | number> = { points, fill: 'none', stroke: s.colour, 'stroke-width': 1.2, 'data-series': s.name };
    if (s.dash) attrs['stroke-dasharray'] = s.dash;
    root.append(svg('polyline', attrs));
  }
  for (const d of c.dots) {
    root.append(svg('circle', { cx: x(d.i), cy: y(d.value), ...d.attrs }, ...(d.title ? [svg('title', {}, d.title)] : [])));
  }
  for (const v of [lo, (lo + hi) / 2, hi]) {
    root.append(svg('text', { x: M.left - 6, y: y(v) + 4, 'text-anchor': 'end', 'font-size': 10, fill: '#1a1f29' }, tick(v)));
  }
  root.append(
    svg('text', { x: M.left, y: H - M.bottom + 16, 'text-anchor': 'start', 'font-size': 10, fill: '#1a1f29' }, c.days[0]),
    svg('text', { x: W - M.right, y: H - M.bottom + 16, 'text-anchor': 'end', 'font-size': 10, fill: '#1a1f29' }, c.days[n - 1]),
    legend(c.legend),
  );
  return root;
}
