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
import { outlook } from './outlook';
import { seat } from './seat';
import { tray } from './tray';
import { usage } from './usage';
import { wizard } from './wizard';

export { LANGS, type Lang } from './catalog';

const catalogs = {
  en: { ...core.en, ...seat.en, ...cli.en, ...auth.en, ...tray.en, ...wizard.en, ...outlook.en, ...usage.en },
  zh: { ...core.zh, ...seat.zh, ...cli.zh, ...auth.zh, ...tray.zh, ...wizard.zh, ...outlook.zh, ...usage.zh },
  fr: { ...core.fr, ...seat.fr, ...cli.fr, ...auth.fr, ...tray.fr, ...wizard.fr, ...outlook.fr, ...usage.fr },
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
 * The same translator, saying some messages with other keys: a face whose words differ (the CLI has no "setup"
 * to send people to, and cannot keep a token "for this session only") swaps those messages, describeError included.
 */
export function withMessages(tr: Translator, replace: Partial<Record<MessageKey, MessageKey>>): Translator {
  return { lang: tr.lang, num: tr.num, t: (key, params) => tr.t(replace[key] ?? key, params) };
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

/**
 * Why a connection failed, from the transport code undici/Node hand back (ENOTFOUND, ECONNREFUSED, EPROTO,
 * ERR_SSL_…, certificate codes): the mistakes an address can hold (a typo, a wrong port, https to an http server).
 */
function networkCause(address: string, code: string | undefined, tr: Translator): string {
  const c = code ?? '';
  const host = address.replace(/:\d+$/, '');
  if (c === 'ENOTFOUND' || c === 'EAI_AGAIN' || c === 'EAI_NONAME') {
    return tr.t('error.network.cause.notFound', { host });
  }
  if (c === 'ECONNREFUSED') return tr.t('error.network.cause.refused');
  if (
    /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER|ALTNAME|HOSTNAME_MISMATCH/.test(c) &&
    !/^ERR_SSL_/.test(c)
  ) {
    return tr.t('error.network.cause.cert', { code: c });
  }
  if (c === 'EPROTO' || /^ERR_SSL_/.test(c) || /^ERR_TLS_/.test(c)) return tr.t('error.network.cause.tls');
  if (c === 'ECONNRESET' || c === 'UND_ERR_SOCKET' || c === 'EPIPE')
    return tr.t('error.network.cause.closed');
  if (c === 'ENETUNREACH' || c === 'EHOSTUNREACH' || c === 'ETIMEDOUT' || c === 'EADDRNOTAVAIL') {
    return tr.t('error.network.cause.unreachable', { code: c });
  }
  return tr.t('error.network.cause.other', { code: c || 'fetch failed' });
}

/** "What happened and what to do", in the user's language. `now` decides whether a retry time needs its date. */
export function describeError(info: ErrorInfo, tr: Translator, now: () => number = Date.now): string {
  const { t } = tr;
  switch (info.kind) {
    case 'auth':
      return info.reason === 'missingPermission'
        ? t('error.auth.missingPermission', { permission: info.permission ?? 'Plan' })
        : t(`error.auth.${info.reason}`);
    case 'notFound':
      return t(`error.notFound.${info.reason}`, { login: info.login ?? '?' });
    case 'rateLimit': {
      const at = info.retryAt ? Date.parse(info.retryAt) : NaN;
      if (!Number.isFinite(at)) return t('error.rateLimit.noTime');
      const locale = LOCALE_OF[tr.lang];
      const time = new Date(at).toLocaleTimeString(locale);
      // A wait that ends another day says which day (a server may ask for hours or days).
      const date = new Date(at).toLocaleDateString(locale);
      return date === new Date(now()).toLocaleDateString(locale)
        ? t('error.rateLimit', { time })
        : t('error.rateLimit.date', { time, date });
    }
    case 'network':
      return info.address
        ? t('error.network.at', { address: info.address, cause: networkCause(info.address, info.detail, tr) })
        : t('error.network');
    case 'timeout':
      return info.address
        ? t('error.timeout.at', { address: info.address, seconds: Math.round(info.timeoutMs / 1000) })
        : t('error.timeout', { seconds: Math.round(info.timeoutMs / 1000) });
    case 'server':
      return t('error.server', { status: info.status });
    case 'responseShape':
      return t('error.responseShape', { missing: info.missing.join(', ') || '?' });
    case 'tooLarge':
      return t('error.tooLarge', { size: Math.round(info.limitBytes / 1_000_000) });
    case 'config':
      if (info.token) return t(`error.token.${info.token}`);
      return t(`error.config.${info.reason}`, { detail: info.detail ?? '' });
    case 'keychain':
      return t(`error.keychain.${info.reason}`, { detail: info.detail ?? '' });
    default:
      return assertNever(info);
  }
}
