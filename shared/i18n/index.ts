/**
 * i18n: English, Simplified Chinese, French. Messages are declared per area (core, cli, auth, tray, wizard), each
 * area type-checked for completeness in every language. `createTranslator` is pure; the caller decides the
 * language (OS locale / LANG / user setting) with pickLanguage.
 */
import type { ErrorInfo } from '../errors';
import { assertNever } from '../errors';
import { LANGS, type Lang } from './catalog';
import { auth } from './auth';
import { cli } from './cli';
import { core } from './core';
import { tray } from './tray';
import { usage } from './usage';
import { wizard } from './wizard';

export { LANGS, type Lang } from './catalog';

const catalogs = {
  en: { ...core.en, ...cli.en, ...auth.en, ...tray.en, ...wizard.en, ...usage.en },
  zh: { ...core.zh, ...cli.zh, ...auth.zh, ...tray.zh, ...wizard.zh, ...usage.zh },
  fr: { ...core.fr, ...cli.fr, ...auth.fr, ...tray.fr, ...wizard.fr, ...usage.fr },
};

export type MessageKey = keyof (typeof catalogs)['en'];
export type Params = Record<string, string | number>;
export interface Translator {
  lang: Lang;
  t(key: MessageKey, params?: Params): string;
  /** Locale-aware number formatting (thousands separators, up to `digits` decimals). */
  num(n: number, digits?: number): string;
}

export function isLang(x: unknown): x is Lang {
  return typeof x === 'string' && (LANGS as readonly string[]).includes(x);
}

/** Locale tag for Intl per language. */
export const LOCALE_OF: Record<Lang, string> = { en: 'en-US', zh: 'zh-CN', fr: 'fr-FR' };

export function createTranslator(lang: Lang): Translator {
  const table = catalogs[lang];
  const fmt = new Map<number, Intl.NumberFormat>();
  return {
    lang,
    t(key, params) {
      const template = table[key] ?? catalogs.en[key] ?? key;
      if (!params) return template;
      return template.replace(/\{(\w+)\}/g, (m, name: string) =>
        Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : m,
      );
    },
    num(n, digits = 0) {
      let f = fmt.get(digits);
      if (!f) {
        f = new Intl.NumberFormat(LOCALE_OF[lang], { maximumFractionDigits: digits });
        fmt.set(digits, f);
      }
      return f.format(n);
    },
  };
}

/**
 * Picks the first supported language from candidates in priority order: an explicit choice, then locale
 * strings such as LC_ALL, LC_MESSAGES, LANG ("zh_CN.UTF-8", "fr-FR", "C"), then the OS/Intl locale.
 * Unsupported or empty candidates are skipped; English is the fallback.
 */
export function pickLanguage(candidates: ReadonlyArray<string | undefined | null>): Lang {
  for (const c of candidates) {
    if (!c) continue;
    const base = c
      .trim()
      .toLowerCase()
      .split(/[._@-]/)[0];
    if (base === 'c' || base === 'posix' || !base) continue;
    if (isLang(base)) return base;
  }
  return 'en';
}

/** "What happened and what to do", in the user's language. */
export function describeError(info: ErrorInfo, tr: Translator): string {
  const { t } = tr;
  switch (info.kind) {
    case 'auth':
      return info.reason === 'missingPermission'
        ? t('error.auth.missingPermission', { permission: info.permission ?? 'Plan' })
        : t(`error.auth.${info.reason}`);
    case 'notFound':
      return t(`error.notFound.${info.reason}`, { login: info.login ?? '?' });
    case 'rateLimit':
      return info.retryAt
        ? t('error.rateLimit', { time: new Date(info.retryAt).toLocaleTimeString(LOCALE_OF[tr.lang]) })
        : t('error.rateLimit.noTime');
    case 'network':
      return t('error.network');
    case 'timeout':
      return t('error.timeout', { seconds: Math.round(info.timeoutMs / 1000) });
    case 'server':
      return t('error.server', { status: info.status });
    case 'responseShape':
      return t('error.responseShape', { missing: info.missing.join(', ') || '?' });
    case 'config':
      if (info.token) return t(`error.token.${info.token}`);
      return t(`error.config.${info.reason}`, { detail: info.detail ?? '' });
    case 'keychain':
      return t(`error.keychain.${info.reason}`, { detail: info.detail ?? '' });
    default:
      return assertNever(info);
  }
}
