/** Presentation helpers every window shares: unit names and dates in the user's language. */
import type { Unit } from '../../shared/domain';
import { LOCALE_OF, type Translator } from '../../shared/i18n';

export function unitName(tr: Translator, unit: Unit): string {
  return tr.t(unit === 'credits' ? 'unit.credits' : 'unit.requests');
}

/** A date (ISO, or YYYY-MM-DD) in the user's language; null when missing or unparsable. */
export function formatDate(tr: Translator, iso: string | null): string | null {
  if (!iso) return null;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime()) || d.getTime() <= 0) return null;
  return new Intl.DateTimeFormat(LOCALE_OF[tr.lang], { dateStyle: 'long', timeZone: 'UTC' }).format(d);
}

/**
 * A number as the user writes it in their language: "9,000" and "9000.5" in English or Chinese, "9 000" and
 * "9000,5" in French. NaN when it is not one.
 */
export function parseLocaleNumber(text: string, localeTag: string): number {
  const parts = new Intl.NumberFormat(localeTag).formatToParts(12345.6);
  const group = parts.find((p) => p.type === 'group')?.value ?? ',';
  const decimal = parts.find((p) => p.type === 'decimal')?.value ?? '.';
  let s = text.trim().replace(/[\s\u00a0\u202f]/g, '');
  if (group !== decimal && !/\s/.test(group)) s = s.split(group).join('');
  if (decimal !== '.') s = s.split(decimal).join('.');
  return s === '' || !/^[0-9.]+$/.test(s) ? NaN : Number(s);
}
