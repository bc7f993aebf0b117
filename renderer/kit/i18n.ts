/**
 * The page's language: the user's choice from settings, else the OS (navigator.languages). One translator per
 * page, swapped when the language changes; `t` always uses the current one.
 */
import { createTranslator, LOCALE_OF, pickLanguage, type Lang, type Translator } from '../../shared/i18n';

export function osLanguage(): Lang {
  return pickLanguage([...(navigator.languages ?? []), navigator.language]);
}

let current: Translator = createTranslator(osLanguage());

/** The current translator (for num() and for helpers that take one). */
export const tr = (): Translator => current;
export const t: Translator['t'] = (k, p) => current.t(k, p);

/** Switches the page to a language (null = follow the OS): <html lang> too, so screen readers pronounce it. */
export function applyLanguage(choice: Lang | null): Lang {
  const lang = choice ?? osLanguage();
  current = createTranslator(lang);
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : lang;
  return lang;
}

/** The Intl locale tag of the current language. */
export const locale = (): string => LOCALE_OF[current.lang];
