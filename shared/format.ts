/**
 * Number and bar formatting shared by CLI, tooltip, menu and wizard, so all faces say the same thing.
 * Convention (documented in the README): the BAR and "x % left" show what is LEFT, like a fuel gauge; the tray
 * icon number and "x % used" show what is USED. Both are always labelled.
 */
import type { UsageSnapshot } from './domain';

/** A 20-cell bar of the share LEFT, e.g. 70 % left → 14 full cells. Clamped to 0..cells. */
export function bar(percentLeft: number, cells = 20): string {
  const p = Number.isFinite(percentLeft) ? Math.min(100, Math.max(0, percentLeft)) : 0;
  const full = Math.round((p / 100) * cells);
  return '█'.repeat(full) + '░'.repeat(cells - full);
}

/**
 * THE percent rounding of every face (CLI text, oneline, waybar, tray icon, tooltip, menu, wizard): a whole
 * number, rounded DOWN, so no face ever shows more than is true. 99.6 % used is "99 %", 0.8 % used is "0 %"
 * (never "0.8 %" on one face and "0 %" on another); 100 % appears only once it is reached. Never "-0".
 */
export function roundPercent(p: number): number {
  if (!Number.isFinite(p) || p <= 0) return 0;
  // The epsilon keeps a float such as 28.999999999999996 (0.29 * 100) at 29.
  return Math.floor(p + 1e-9);
}

/**
 * Share left, 0..100 (unrounded), or null when there is no allowance. Shown through roundPercent like the share
 * used, so both are rounded down: 12.5 of 20,000 used is "0 % used · 99 % left", never "100 % left".
 */
export function percentLeft(s: Pick<UsageSnapshot, 'percentUsed'>): number | null {
  if (s.percentUsed === null) return null;
  return Math.min(100, Math.max(0, 100 - s.percentUsed));
}

/** The pool face's glyph (waves) and the hidden face's (a closed eye): never digits. */
export const POOL_LABEL = '≈';
export const HIDDEN_LABEL = '⌣';

/**
 * The tray icon's label: share USED as an integer, "100+" when over, "∞" when unlimited, "?" when unknown; an
 * organisation pool without a cap shows waves and a hidden seat a closed eye, never a number.
 */
export function iconLabel(
  s:
    | (Pick<UsageSnapshot, 'percentUsed' | 'unlimited'> &
        Partial<Pick<UsageSnapshot, 'seat' | 'used' | 'allowance'>>)
    | null,
): string {
  if (!s) return '?';
  if (s.seat?.kind === 'hidden' || s.used === null) return HIDDEN_LABEL;
  if (s.seat?.kind === 'pool' && s.percentUsed === null && (s.allowance ?? null) === null) return POOL_LABEL;
  if (s.unlimited) return '∞';
  if (s.percentUsed === null) return '?';
  if (s.percentUsed > 100) return '100+';
  return String(roundPercent(s.percentUsed));
}

const LOCALES: Record<string, string> = { en: 'en-US', zh: 'zh-CN', fr: 'fr-FR' };

/** A date (and time when `withTime`) in the user's language and time zone; '' for an unparseable value. */
export function formatDate(iso: string | null, lang: string, withTime = false, timeZone?: string): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const opts: Intl.DateTimeFormatOptions = withTime
    ? { dateStyle: 'medium', timeStyle: 'short' }
    : { dateStyle: 'medium' };
  if (timeZone) opts.timeZone = timeZone;
  return new Intl.DateTimeFormat(LOCALES[lang] ?? lang, opts).format(d);
}

/** Quantities: requests and credits can both be fractional (model multipliers), so up to 2 decimals. */
export function formatAmount(n: number, lang: string): string {
  return new Intl.NumberFormat(LOCALES[lang] ?? lang, { maximumFractionDigits: 2 }).format(n);
}
