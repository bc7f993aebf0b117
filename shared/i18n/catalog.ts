/** Helpers to declare one area's messages in every language, with the compiler checking that none is missing. */
export const LANGS = ['en', 'zh', 'fr'] as const;
export type Lang = (typeof LANGS)[number];

/** A message is a template with {name} placeholders. */
export type Messages = Record<string, string>;

/** Declare an area: English is the reference; zh and fr must have exactly the same keys. */
export function defineMessages<const E extends Messages>(
  en: E,
  others: { zh: Record<keyof E, string>; fr: Record<keyof E, string> },
): Record<Lang, Record<keyof E, string>> {
  return { en, zh: others.zh, fr: others.fr };
}
