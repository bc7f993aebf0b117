/**
 * The chosen month: pace and forecast in words, the chart with its legend and day readout, the per-model table
 * and, for screen readers and anyone who prefers figures, every day as a table.
 */
import type { UsageMonth, UsageView } from '../../shared/usage';
import { h } from '../kit/dom';
import { unitName } from '../kit/format';
import { t, tr } from '../kit/i18n';
import {
  drawMonth,
  MODEL_COLOURS,
  monthSeries,
  palette,
  UNSPLIT,
  type ChartHandle,
  type MonthSeries,
} from './chart';
import { amount, dayName, dayOf, monthName, percent, usd } from './format';

function outlookLines(m: UsageMonth): HTMLElement | null {
  const lines: string[] = [];
  const unit = unitName(tr(), m.unit);
  const p = m.pace;
  if (p) {
    if (p.used >= p.allowance) lines.push(t('usage.pace.noneLeft'));
    else
      lines.push(
        t(p.reserve >= 0 ? 'usage.pace.reserve' : 'usage.pace.deficit', {
          percent: percent(tr(), Math.abs(p.reservePercent)),
          perDay: amount(tr(), p.perDay),
        }),
      );
  }
  const f = m.forecast;
  if (f) {
    const projected = tr().num(Math.round(f.projected));
    if (f.allowance === null) lines.push(t('usage.forecast.noCap', { projected, unit }));
    else if (f.runsOutAt) lines.push(t('usage.forecast.runsOut', { date: dayOf(tr(), f.runsOutAt) }));
    else if (f.beyond !== null && f.beyond > 0)
      lines.push(
        t('usage.forecast.beyond', {
          projected,
          allowance: tr().num(f.allowance),
          beyond: tr().num(Math.round(f.beyond)),
        }),
      );
    else lines.push(t('usage.forecast.within', { projected, allowance: tr().num(f.allowance) }));
  }
  return lines.length
    ? h('div', { class: 'outlook', id: 'outlook' }, ...lines.map((l) => h('p', {}, l)))
    : null;
}

function legend(m: UsageMonth): HTMLElement {
  const item = (cls: string, key: Parameters<typeof t>[0]) =>
    h('li', {}, h('span', { class: `swatch ${cls}`, 'aria-hidden': 'true' }), t(key));
  return h(
    'ul',
    { class: 'legend', id: 'legend' },
    item('line-used', 'usage.legend.used'),
    m.allowance !== null ? item('line-pace', 'usage.legend.pace') : null,
    m.allowance !== null ? item('line-allowance', 'usage.legend.allowance') : null,
    m.forecast ? item('line-forecast', 'usage.legend.forecast') : null,
  );
}

function swatch(model: string, i: number): HTMLElement {
  const el = h('span', { class: 'swatch box', 'aria-hidden': 'true' });
  const p = palette();
  // CSSOM, not a style attribute: the CSP (style-src 'self') refuses inline style attributes.
  el.style.background = model === UNSPLIT ? p.muted : (p.models[i % MODEL_COLOURS] ?? p.accent);
  return el;
}

function modelTable(m: UsageMonth): HTMLElement {
  const unit = unitName(tr(), m.unit);
  if (m.models.length === 0) return h('p', { class: 'muted', id: 'models-none' }, t('usage.models.none'));
  const money = m.models.some((r) => r.gross !== null);
  const dash = t('usage.unknown');
  return h(
    'table',
    { class: 'models', id: 'models' },
    h('caption', {}, t('usage.models.title')),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, t('usage.models.model')),
        h('th', { scope: 'col', class: 'num' }, t('usage.models.used', { unit })),
        h('th', { scope: 'col', class: 'num' }, t('usage.models.share')),
        money ? h('th', { scope: 'col', class: 'num' }, t('usage.models.usd')) : null,
      ),
    ),
    h(
      'tbody',
      {},
      ...m.models.map((r, i) =>
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, swatch(r.model, i), r.model),
          h('td', { class: 'num' }, amount(tr(), r.used)),
          h('td', { class: 'num' }, r.share === null ? dash : `${percent(tr(), r.share)} %`),
          money ? h('td', { class: 'num' }, r.gross === null ? dash : usd(tr(), r.gross)) : null,
        ),
      ),
    ),
  );
}

function dayTable(m: UsageMonth, s: MonthSeries): HTMLElement {
  const unit = unitName(tr(), m.unit);
  const rows: HTMLElement[] = [];
  const last = Math.min(s.n, s.future - 1);
  const byDate = new Map(m.days.map((d) => [Number(d.date.slice(8, 10)), d]));
  for (let d = 1; d <= last; d++) {
    const date = `${m.period}-${String(d).padStart(2, '0')}`;
    const day = byDate.get(d);
    rows.push(
      h(
        'tr',
        {},
        h('th', { scope: 'row' }, dayName(tr(), date)),
        h('td', { class: 'num' }, amount(tr(), s.daily[d]!)),
        h('td', { class: 'num' }, amount(tr(), s.cumulative[d]!)),
        h(
          'td',
          {},
          day
            ? Object.entries(day.models)
                .sort((a, b) => b[1] - a[1])
                .map(([name, used]) => `${name} ${amount(tr(), used)}`)
                .join(', ') + (day.source === 'estimate' ? ` (${t('usage.day.estimate')})` : '')
            : '',
        ),
      ),
    );
  }
  return h(
    'table',
    {},
    h('caption', { class: 'sr-only' }, t('usage.table.days')),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, t('usage.table.date')),
        h('th', { scope: 'col', class: 'num' }, `${t('usage.table.used')} (${unit})`),
        h('th', { scope: 'col', class: 'num' }, t('usage.table.total')),
        h('th', { scope: 'col' }, t('usage.models.title')),
      ),
    ),
    h('tbody', {}, ...rows),
  );
}

/** The day table is built when first opened: closed, it is not read out, and a month switch stays quick. */
function lazyDayTable(m: UsageMonth, now: number): HTMLElement {
  const box = h('details', { class: 'days', id: 'days' }, h('summary', {}, t('usage.table.days')));
  box.addEventListener('toggle', () => {
    if (!box.open || box.querySelector('table')) return;
    box.append(dayTable(m, monthSeries(m, now)));
  });
  return box;
}

/** The readout of one day, under the chart. */
function dayText(m: UsageMonth, s: MonthSeries, day: number | null): string {
  if (day === null) return t('usage.day.none');
  const date = `${m.period}-${String(day).padStart(2, '0')}`;
  const unit = unitName(tr(), m.unit);
  const today = s.nowX !== null && day === Math.min(s.n, s.future - 1);
  const total = today ? m.used : s.cumulative[day]!;
  const parts = [
    t('usage.day', {
      date: dayName(tr(), date),
      used: amount(tr(), s.daily[day]!),
      unit,
      total: amount(tr(), total),
    }),
  ];
  const models = s.models
    .map((name, i) => [name, s.byModel[i]![day]!] as const)
    .filter(([, used]) => used > 0)
    .map(([name, used]) => `${name || t('usage.unknown')} ${amount(tr(), used)}`);
  if (models.length) parts.push(models.join(', '));
  const row = m.days.find((d) => d.date === date);
  if (row?.gross !== null && row?.gross !== undefined) parts.push(`US$ ${usd(tr(), row.gross)}`);
  if (row?.source === 'estimate') parts.push(t('usage.day.estimate'));
  return parts.join(' · ');
}

export interface MonthSection {
  el: HTMLElement;
  /** Draws the charts once the section is in the page (they need its width). */
  mount(): void;
  resize(): void;
  destroy(): void;
}

export function monthSection(view: UsageView, m: UsageMonth): MonthSection {
  const now = Date.parse(view.now);
  const topHost = h('div', { class: 'plot' });
  const barsHost = h('div', { class: 'plot bars' });
  const readout = h('p', { class: 'readout', id: 'day-detail', 'aria-live': 'polite' }, t('usage.day.none'));
  const chart = h(
    'div',
    {
      class: 'chart',
      id: 'chart',
      tabindex: 0,
      role: 'group',
      'aria-label': t('usage.chart.label'),
      'aria-describedby': 'day-detail',
    },
    topHost,
    m.days.length ? h('p', { class: 'bars-title', 'aria-hidden': 'true' }, t('usage.chart.bars')) : null,
    m.days.length ? barsHost : null,
  );
  const hasDays = m.days.length > 0;
  const el = h(
    'section',
    { class: 'month', id: 'month-section', 'aria-labelledby': 'month-title' },
    h('h2', { id: 'month-title' }, t(m.current ? 'usage.chart.title' : 'usage.chart.titlePast')),
    m.current
      ? null
      : h(
          'p',
          { class: 'big', id: 'month-total' },
          t('usage.monthTotal', {
            month: monthName(tr(), m.period),
            used: amount(tr(), m.used),
            unit: unitName(tr(), m.unit),
          }),
        ),
    outlookLines(m),
    hasDays ? null : h('p', { class: 'note', id: 'no-history' }, t('usage.noHistory')),
    legend(m),
    chart,
    readout,
    m.estimated ? h('p', { class: 'muted', id: 'estimated' }, t('usage.estimated')) : null,
    h('div', { class: 'tables' }, modelTable(m)),
    lazyDayTable(m, now),
  );
  let handle: ChartHandle | null = null;
  let series: MonthSeries | null = null;
  let selected: number | null = null;
  const width = () => Math.max(200, chart.clientWidth);
  chart.addEventListener('keydown', (e: KeyboardEvent) => {
    if (!handle || !series) return;
    const last = Math.min(series.n, series.future - 1);
    const moves: Record<string, number> = {
      ArrowLeft: (selected ?? last + 1) - 1,
      ArrowRight: (selected ?? 0) + 1,
      Home: 1,
      End: last,
    };
    if (!(e.key in moves)) return;
    e.preventDefault();
    selected = Math.min(last, Math.max(1, moves[e.key]!));
    handle.select(selected);
    readout.textContent = dayText(m, series, selected);
  });
  return {
    el,
    mount() {
      const drawn = drawMonth(
        { top: topHost, bars: hasDays ? barsHost : null },
        m,
        now,
        width(),
        (day, s) => {
          selected = day ?? selected;
          if (day !== null) readout.textContent = dayText(m, s, day);
        },
      );
      handle = drawn.handle;
      series = drawn.series;
    },
    resize() {
      handle?.resize(width());
    },
    destroy() {
      handle?.destroy();
      handle = null;
    },
  };
}
