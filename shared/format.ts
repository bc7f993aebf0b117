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
 * Percent for display, rounded DOWN so no face ever shows more than is true (99.6 % used is "99 %", like the
 * icon; 100 % appears only once it is reached): integers from 10 up, one decimal below (0.46 % is "0.4 %",
 * not "0 %"). Never "-0".
 */
export function roundPercent(p: number): number {
  if (!Number.isFinite(p) || p <= 0) return 0;
  return p >= 10 ? Math.floor(p) : Math.floor(p * 10 + 1e-9) / 10;
}

/**
 * Share left, 0..100, or null when there is no allowance. Derived from the DISPLAYED share used, so "% used" and
 * "% left" always add up to 100 on screen.
 */
export function percentLeft(s: Pick<UsageSnapshot, 'percentUsed'>): number | null {
  if (s.percentUsed === null) return null;
  return Math.max(0, Math.round((100 - roundPercent(s.percentUsed)) * 10) / 10);
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
  return String(Math.floor(s.percentUsed));
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
