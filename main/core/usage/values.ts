/** Defensive readers for JSON from GitHub: numbers may come as strings, anything may be null or missing. */
export { isRecord } from '../../../shared/json';
import { isRecord } from '../../../shared/json';

/** A finite number from a number or a numeric string; null otherwise. */
export function num(x: unknown): number | null {
  if (typeof x === 'number') return Number.isFinite(x) ? x : null;
  if (typeof x === 'string' && x.trim() !== '') {
    const n = Number(x.trim());
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

/**
 * A quantity or an amount GitHub gave: a finite, non-negative number (or numeric string). `undefined` when the
 * field is absent (null or missing); `'bad'` when it is there but is not such a number ("NaN", "Infinity",
 * "abc", -3, 1e999): the caller then names the field as unrecognised instead of counting it as 0.
 */
export function quantity(x: unknown): number | undefined | 'bad' {
  if (x === undefined || x === null) return undefined;
  const n = num(x);
  return n === null || n < 0 ? 'bad' : n;
}

/**
 * Removes the binary noise sums and differences pick up (0.1 + 0.2 = 0.30000000000000004, 200 − 194.8 =
 * 5.199999999999989) without rounding what GitHub gave: GitHub sends at most 7 decimals (3956.1799545), so 10
 * decimal places keep every one of its numbers exactly (3.7524 stays 3.7524). Never "-0".
 */
export const exact = (n: number): number => {
  const r = Number(n.toFixed(10));
  return Object.is(r, -0) ? 0 : r;
};

/** true/false from booleans and the strings "true"/"false"; null otherwise. */
export function bool(x: unknown): boolean | null {
  if (typeof x === 'boolean') return x;
  if (x === 'true') return true;
  if (x === 'false') return false;
  return null;
}

export function str(x: unknown): string | null {
  return typeof x === 'string' && x.trim() !== '' ? x.trim() : null;
}

export const keysOf = (x: unknown): string[] => (isRecord(x) ? Object.keys(x) : []);

/** Rounds to at most 2 decimals (credits are cents of a dollar; premium requests can be fractional). */
export const round2 = (n: number): number => {
  const r = Math.round(n * 100) / 100;
  return Object.is(r, -0) ? 0 : r;
};

/** "YYYY-MM" of an epoch-ms instant, UTC. */
export function periodOf(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** First instant of the month after `period` ("YYYY-MM"), ISO; null for a malformed period. */
export function nextPeriodStart(period: string): string | null {
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  if (!m) return null;
  return new Date(Date.UTC(Number(m[1]), Number(m[2]), 1)).toISOString();
}

/**
 * A reset date in any of the forms GitHub uses: ISO date-time, a date only ("2026-07-01" = midnight UTC),
 * epoch seconds or milliseconds. 0, "" and garbage mean unknown: never 1970.
 */
export function parseResetDate(x: unknown): string | null {
  if (x === null || x === undefined || x === '' || x === 0 || x === '0') return null;
  let ms: number;
  const n = num(x);
  if (n !== null) {
    if (n <= 0) return null;
    ms = n < 1e12 ? n * 1000 : n;
  } else if (typeof x === 'string') {
    const s = x.trim();
    ms = /^\d{4}-\d{2}-\d{2}$/.test(s) ? Date.parse(`${s}T00:00:00Z`) : Date.parse(s);
  } else {
    return null;
  }
  // Anything before 2000 is a placeholder (0, "0001-01-01"), not a real reset.
  if (!Number.isFinite(ms) || ms < Date.UTC(2000, 0, 1)) return null;
  return new Date(ms).toISOString();
}
