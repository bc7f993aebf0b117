/**
 * Text that looks like a GitHub token (fine-grained github_pat_, classic ghp_, OAuth gho_, ghu_, ghs_, ghr_):
 * one pattern for every place that must refuse, drop or blank one (argv, settings, backups, keychain errors,
 * an address field).
 */
const SOURCE = '(github_pat_|gh[pousr]_)[A-Za-z0-9_]{8,}';
const ANYWHERE = new RegExp(SOURCE);
const AT_START = new RegExp(`^${SOURCE}`);
const ALL = new RegExp(SOURCE, 'g');

export const containsTokenText = (text: string): boolean => ANYWHERE.test(text);
export const startsWithTokenText = (text: string): boolean => AT_START.test(text);
export const redactTokenText = (text: string, replacement: string): string => text.replace(ALL, replacement);

/** The longest token a user may paste or export (the wizard's limit too); GitHub's tokens are far shorter. */
export const MAX_TOKEN_TEXT = 512;

/** Printable ASCII without spaces: the only characters a GitHub token has, and the only ones a header can carry. */
const TOKEN_CHARS = /^[\x21-\x7e]+$/;

/**
 * Why a token someone gave (COPILOT_METER_TOKEN, stdin, `auth set`, the wizard) cannot be sent as one, or null.
 * Checked before any request: a zero-width space, an emoji or a control character would otherwise fail inside
 * fetch as "cannot reach GitHub", and a megabyte of text would be sent three times.
 */
export function tokenTextProblem(raw: string): 'empty' | 'whitespace' | 'characters' | 'too-long' | null {
  const token = raw.trim();
  if (token === '') return 'empty';
  if (token.length > MAX_TOKEN_TEXT) return 'too-long';
  if (/\s/.test(token)) return 'whitespace';
  if (!TOKEN_CHARS.test(token)) return 'characters';
  return null;
}

/** A token read from a file or the keychain: printable ASCII, at most `max` characters (session tokens run long). */
export function isTokenText(x: unknown, max = 4096): x is string {
  return typeof x === 'string' && x.length >= 4 && x.length <= max && TOKEN_CHARS.test(x);
}
