/**
 * The Usage window's entry: the month at a glance. Asks main for the view (usage:getUsage), draws the headline,
 * the month picker and export, and the chosen month (month.ts). Talks to main only via window.copilotMeter.
 * Re-reads the view when the window regains focus and every minute, so it follows the tray's refreshes.
 */
import { describeError } from '../../shared/i18n';
import type { ExportFormat, UsageMonth, UsageView } from '../../shared/usage';
import { api } from '../kit/bridge';
import { focusedId, focusId, h } from '../kit/dom';
import { applyLanguage, t, tr } from '../kit/i18n';
import { monthName } from './format';
import { headline } from './headline';
import { monthSection, type MonthSection } from './month';

const REREAD_MS = 60_000;

let view: UsageView | null = null;
let section: MonthSection | null = null;
/** The month the user picked; null = the current one. */
let chosen: string | null = null;
let status: { kind: 'ok' | 'error'; text: string } | null = null;
/**
 * Earlier months, fetched once the window is drawn (they do not change until their history does), so picking one
 * draws at once. Cleared whenever the view is read again.
 */
const months = new Map<string, UsageMonth>();

const root = (): HTMLElement => document.getElementById('app')!;

function toolbar(v: UsageView): HTMLElement {
  const select = h(
    'select',
    {
      id: 'month',
      onchange: (e: Event) => void pick((e.target as HTMLSelectElement).value),
    },
    ...v.months.map((p) => h('option', { value: p, selected: p === v.month?.period }, monthName(tr(), p))),
  );
  const exportButton = (format: ExportFormat, label: string) =>
    h(
      'button',
      { type: 'button', class: 'secondary', id: `export-${format}`, onclick: () => void exportAs(format) },
      label,
    );
  return h(
    'div',
    { class: 'toolbar' },
    v.months.length
      ? h('label', { class: 'picker', for: 'month' }, h('span', {}, t('usage.month')), select)
      : null,
    h(
      'div',
      { class: 'exports' },
      v.headline ? exportButton('csv', t('usage.export.csv')) : null,
      v.headline ? exportButton('json', t('usage.export.json')) : null,
    ),
  );
}

function statusLine(): HTMLElement {
  return h(
    'p',
    {
      id: 'status',
      class: `status-line ${status?.kind ?? ''}`,
      role: status?.kind === 'error' ? 'alert' : 'status',
    },
    status?.text ?? '',
  );
}

/** Draws everything from `view`; focus stays on the control that had it. */
function render(): void {
  const v = view;
  if (!v) return;
  const active = focusedId();
  section?.destroy();
  section = v.month ? monthSection(v, v.month) : null;
  root().replaceChildren(
    h('main', { class: 'usage' }, headline(v), toolbar(v), statusLine(), section ? section.el : null),
  );
  section?.mount();
  focusId(active);
}

async function load(period: string | null): Promise<boolean> {
  const r = await api().getUsage({ period });
  if (!r.ok) {
    status = { kind: 'error', text: describeError(r.error, tr()) };
    if (view) render();
    else root().replaceChildren(h('main', { class: 'usage' }, statusLine()));
    return false;
  }
  view = r.value;
  performance.mark('usage-view-received');
  if (view.month && !view.month.current) months.set(view.month.period, view.month);
  applyLanguage(view.language);
  document.title = t('usage.title');
  return true;
}

async function pick(period: string): Promise<void> {
  chosen = period;
  status = null;
  const held = months.get(period);
  if (held && view) {
    view = { ...view, month: held };
    render();
  } else if (await load(period)) render();
  performance.mark('usage-month-drawn');
}

/** Fetches the earlier months one by one in the background (see `months`). */
async function prefetch(): Promise<void> {
  for (const period of view?.months ?? []) {
    if (months.has(period)) continue;
    const r = await api().getUsage({ period });
    if (!r.ok) return;
    if (r.value.month && !r.value.month.current) months.set(period, r.value.month);
  }
  performance.mark('usage-prefetched');
}

async function exportAs(format: ExportFormat): Promise<void> {
  const r = await api().exportUsage({ format });
  if (!r.ok) status = { kind: 'error', text: describeError(r.error, tr()) };
  else
    status =
      r.value.saved && r.value.path
        ? { kind: 'ok', text: t('usage.export.saved', { path: r.value.path }) }
        : null;
  const el = document.getElementById('status');
  el?.replaceWith(statusLine());
}

/** Reads the view again; on focus the earlier months too (the minute's tick keeps them). */
async function reread(earlier: boolean): Promise<void> {
  if (earlier) months.clear();
  if (await load(chosen)) render();
  if (earlier) void prefetch();
}

function onKey(e: KeyboardEvent): void {
  if (e.key !== 'Escape' || e.defaultPrevented) return;
  // A select's own Escape (closing its list) stays the select's.
  if ((e.target as HTMLElement | null)?.tagName === 'SELECT') return;
  e.preventDefault();
  void api().closeUsage();
}

let resizeQueued = false;
function onResize(): void {
  if (resizeQueued) return;
  resizeQueued = true;
  requestAnimationFrame(() => {
    resizeQueued = false;
    section?.resize();
  });
}

async function start(): Promise<void> {
  performance.mark('usage-script-start');
  applyLanguage(null);
  document.title = t('usage.title');
  root().replaceChildren(h('p', { class: 'loading', role: 'status' }, t('usage.loading')));
  if (await load(null)) render();
  performance.mark('usage-first-drawn');
  void prefetch();
  document.addEventListener('keydown', onKey);
  new ResizeObserver(onResize).observe(document.documentElement);
  window.addEventListener('focus', () => void reread(true));
  setInterval(() => void reread(false), REREAD_MS);
  // The OS switched between light and dark: the canvas colours follow.
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => render());
}

void start();
