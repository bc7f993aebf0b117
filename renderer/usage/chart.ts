/**
 * The month in two uPlot charts sharing one x scale (the month's days, 0 = the 1st at 00:00 UTC, N = the reset):
 *  - cumulative use, the even-pace line, the allowance line and the forecast to the reset, dashed: an estimate;
 *  - daily use as bars stacked by model (each series is the sum of the models up to it, drawn largest first).
 * Hovering either chart, or the arrow keys on the focused chart, selects a day; `onDay` shows its figures.
 * Canvas is invisible to screen readers: the charts are aria-hidden and the day table says the same.
 */
import uPlot from 'uplot';
import type { UsageMonth } from '../../shared/usage';
import { tr } from '../kit/i18n';

const DAY_MS = 86_400_000;
/** Model colours, in order of use; "other" (a day's use without a per-model split) is the muted colour. */
export const MODEL_COLOURS = 10;

export interface Palette {
  fg: string;
  muted: string;
  line: string;
  accent: string;
  accentFill: string;
  err: string;
  warn: string;
  models: string[];
}

/** The theme's colours (kit/theme.css and usage/style.css), read when the charts are drawn. */
export function palette(): Palette {
  const css = getComputedStyle(document.documentElement);
  const v = (name: string) => css.getPropertyValue(name).trim();
  return {
    fg: v('--fg'),
    muted: v('--muted'),
    line: v('--line'),
    accent: v('--accent'),
    accentFill: v('--accent-fill'),
    err: v('--err'),
    warn: v('--warn'),
    models: Array.from({ length: MODEL_COLOURS }, (_, i) => v(`--m${i}`)),
  };
}

/** The key of a day's use that has no per-model split (the Copilot sign-in route). */
export const UNSPLIT = '';

/** Per-day figures of a month, indexed by day of month (1..N). */
export interface MonthSeries {
  n: number;
  /** Use on day d (index d); 0 for days without a row. */
  daily: number[];
  /** Use up to the end of day d. */
  cumulative: number[];
  /** The models in the order the bars stack them (largest first), UNSPLIT last when present. */
  models: string[];
  /** byModel[m][d]: model m's use on day d. */
  byModel: number[][];
  /** First day that has not begun yet (N + 1 for a past month). */
  future: number;
  /** Fraction of the month elapsed in days (x of "now"); null for a past month. */
  nowX: number | null;
}

export function monthSeries(m: UsageMonth, now: number): MonthSeries {
  const n = m.daysInMonth;
  const daily = new Array<number>(n + 1).fill(0);
  const models = m.models.map((r) => r.model);
  const index = new Map(models.map((name, i) => [name, i]));
  const byModel: number[][] = models.map(() => new Array<number>(n + 1).fill(0));
  let unsplit: number[] | null = null;
  for (const d of m.days) {
    const day = Number(d.date.slice(8, 10));
    if (!(day >= 1 && day <= n)) continue;
    daily[day] = d.used;
    let split = 0;
    for (const [name, used] of Object.entries(d.models)) {
      const i = index.get(name);
      if (i === undefined) continue;
      byModel[i]![day] = used;
      split += used;
    }
    if (d.used - split > 0.005) {
      unsplit ??= new Array<number>(n + 1).fill(0);
      unsplit[day] = d.used - split;
    }
  }
  if (unsplit) {
    models.push(UNSPLIT);
    byModel.push(unsplit);
  }
  const cumulative = new Array<number>(n + 1).fill(0);
  for (let d = 1; d <= n; d++) cumulative[d] = cumulative[d - 1]! + daily[d]!;
  const [y, mo] = m.period.split('-').map(Number) as [number, number];
  const start = Date.UTC(y, mo - 1, 1);
  const nowX = m.current ? Math.min(n, Math.max(0.001, (now - start) / DAY_MS)) : null;
  return { n, daily, cumulative, models, byModel, future: m.current ? m.daysSoFar + 1 : n + 1, nowX };
}

export interface ChartHandle {
  /** Selects a day (1..N) as hovering it would; null clears. */
  select(day: number | null): void;
  resize(width: number): void;
  destroy(): void;
}

const TOP_HEIGHT = 220;
const BARS_HEIGHT = 130;

/** Axis ticks: the 1st, then every 5th day, at the middle of the day. */
function daySplits(n: number): number[] {
  const days = [1];
  for (let d = 5; d <= n; d += 5) days.push(d);
  return days.map((d) => d - 0.5);
}

function axes(p: Palette, n: number): uPlot.Axis[] {
  const font = '12px system-ui, sans-serif';
  return [
    {
      stroke: p.muted,
      font,
      grid: { show: false },
      ticks: { stroke: p.line, width: 1, size: 4 },
      splits: () => daySplits(n),
      values: (_u, vals) => vals.map((v) => tr().num(Math.round(v + 0.5))),
    },
    {
      stroke: p.muted,
      font,
      size: 56,
      grid: { stroke: p.line, width: 1 },
      ticks: { show: false },
      values: (_u, vals) => vals.map((v) => tr().num(v)),
    },
  ];
}

export function drawMonth(
  host: { top: HTMLElement; bars: HTMLElement | null },
  m: UsageMonth,
  now: number,
  width: number,
  onDay: (day: number | null, s: MonthSeries) => void,
): { handle: ChartHandle; series: MonthSeries } {
  const p = palette();
  const s = monthSeries(m, now);
  const { n } = s;
  const lastDay = Math.min(n, s.future - 1);

  // ---- cumulative chart ----
  const xs: number[] = [];
  for (let d = 0; d <= (s.nowX === null ? n : lastDay - 1); d++) xs.push(d);
  if (s.nowX !== null) {
    if (s.nowX > xs[xs.length - 1]!) xs.push(s.nowX);
    if (n > xs[xs.length - 1]!) xs.push(n);
  }
  const used = xs.map((x) => {
    if (s.nowX !== null && x === s.nowX) return m.used;
    if (s.nowX !== null && x > s.nowX) return null;
    if (m.days.length === 0 && x > 0) return null;
    return s.cumulative[Math.round(x)]!;
  });
  const allowance = m.allowance;
  const pace = xs.map((x) => (allowance !== null ? (allowance * x) / n : null));
  const cap = xs.map(() => allowance);
  const forecast = xs.map((x) =>
    m.forecast && s.nowX !== null ? (x === s.nowX ? m.used : x === n ? m.forecast.projected : null) : null,
  );
  const yMax = Math.max(1, m.used, allowance ?? 0, m.forecast?.projected ?? 0) * 1.08;
  const key = `usage-${Math.random().toString(36).slice(2)}`;
  const dayOfX = (x: number | null | undefined): number | null =>
    x === null || x === undefined || x <= 0 ? null : Math.min(n, Math.max(1, Math.ceil(x - 1e-9)));
  let selected: number | null = null;
  const hooks = (toDay: (u: uPlot, idx: number) => number | null) => ({
    setCursor: [
      (u: uPlot) => {
        const idx = u.cursor.idx;
        const day = idx === null || idx === undefined ? null : toDay(u, idx);
        if (day === selected) return;
        selected = day;
        onDay(day, s);
      },
    ],
  });
  const top = new uPlot(
    {
      width,
      height: TOP_HEIGHT,
      legend: { show: false },
      cursor: { sync: { key }, drag: { x: false, y: false }, points: { size: 8 } },
      scales: { x: { time: false, range: [0, n] }, y: { range: [0, yMax] } },
      axes: axes(p, n),
      series: [
        {},
        // Without day rows, only the 1st (0) and now (the reading) are known: the line joins them.
        {
          label: 'used',
          stroke: p.accent,
          fill: p.accentFill,
          width: 2,
          spanGaps: m.days.length === 0,
          points: { show: false },
        },
        { label: 'pace', stroke: p.muted, width: 1.5, dash: [3, 4], spanGaps: true, points: { show: false } },
        { label: 'allowance', stroke: p.err, width: 1.5, points: { show: false } },
        {
          label: 'forecast',
          stroke: p.warn,
          width: 2,
          dash: [8, 6],
          spanGaps: true,
          points: { show: false },
        },
      ],
      hooks: hooks((u, idx) => dayOfX(u.data[0][idx])),
    },
    [xs, used, pace, cap, forecast],
    host.top,
  );

  // ---- daily bars, stacked by model ----
  const bx = Array.from({ length: n }, (_, i) => i + 0.5);
  const levels: Array<Array<number | null>> = [];
  for (let k = 0; k < s.models.length; k++) {
    levels.push(
      bx.map((_, i) => {
        const d = i + 1;
        if (d >= s.future) return null;
        let sum = 0;
        for (let j = 0; j <= k; j++) sum += s.byModel[j]![d]!;
        return sum;
      }),
    );
  }
  if (levels.length === 0) levels.push(bx.map((_, i) => (i + 1 >= s.future ? null : s.daily[i + 1]!)));
  const colourOf = (k: number) =>
    s.models[k] === UNSPLIT ? p.muted : (p.models[k % MODEL_COLOURS] ?? p.accent);
  const barsPath = uPlot.paths.bars!({ size: [0.72, 24], align: 0 });
  const order = levels.map((_, i) => levels.length - 1 - i);
  const barMax = Math.max(1, ...s.daily) * 1.1;
  // No day rows: no bars to draw (the note above the chart says why).
  const bars =
    host.bars === null
      ? null
      : new uPlot(
          {
            width,
            height: BARS_HEIGHT,
            legend: { show: false },
            cursor: { sync: { key }, drag: { x: false, y: false }, points: { show: false } },
            scales: { x: { time: false, range: [0, n] }, y: { range: [0, barMax] } },
            axes: axes(p, n),
            series: [
              {},
              ...order.map((k) => ({
                label: s.models[k] ?? 'used',
                stroke: colourOf(k),
                fill: colourOf(k),
                width: 0,
                paths: barsPath,
                points: { show: false },
              })),
            ],
            hooks: hooks((_u, idx) => idx + 1),
          },
          [bx, ...order.map((k) => levels[k]!)],
          host.bars,
        );
  for (const chart of [top, bars]) chart?.root.setAttribute('aria-hidden', 'true');

  const handle: ChartHandle = {
    select(day) {
      if (day === null) {
        top.setCursor({ left: -10, top: -10 });
        return;
      }
      const d = Math.min(lastDay, Math.max(1, day));
      const x = s.nowX !== null && d === lastDay ? s.nowX : d;
      const y = s.nowX !== null && d === lastDay ? m.used : s.cumulative[d]!;
      top.setCursor({ left: top.valToPos(x, 'x'), top: top.valToPos(y, 'y') });
    },
    resize(w) {
      top.setSize({ width: w, height: TOP_HEIGHT });
      bars?.setSize({ width: w, height: BARS_HEIGHT });
    },
    destroy() {
      top.destroy();
      bars?.destroy();
    },
  };
  return { handle, series: s };
}
