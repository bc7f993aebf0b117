/**
 * Text that came from outside (a GitHub answer, a credential file, a settings file) on its way to a face: a
 * terminal, a status bar, the tray's tooltip and menu, a notification, the keychain. One helper for all of them,
 * applied where the text leaves for the face, so a model name or a login cannot clear the screen, set the
 * terminal title, write the clipboard (ANSI/OSC escapes), forge a line (newlines) or reverse what follows
 * (bidi overrides).
 */
import { containsTokenText, redactTokenText } from './tokens';

/**
 * C0 and C1 controls (ESC, BEL, CR, LF, TAB, DEL, CSI…), the bidi embeddings/overrides/isolates and marks that
 * can reorder what follows, line/paragraph separators, and the zero-width characters that hide in copy-paste.
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

/** Longest text a face shows from outside; longer is cut with an ellipsis. */
export const SAFE_TEXT_MAX = 200;

/**
 * One line of outside text, safe for every face: unsafe characters become a space (runs collapse), token-shaped
 * text is blanked, the result is trimmed and cut at `max` characters.
 */
export function safeText(text: string, max = SAFE_TEXT_MAX): string {
  let s = text.length > max * 4 ? text.slice(0, max * 4) : text;
  s = redactTokenText(s.replace(UNSAFE, ' '), '[token]').replace(/ {2,}/g, ' ').trim();
  if (s.length > max) s = `${s.slice(0, max - 1)}…`;
  return s;
}

const UNSAFE_ONE = new RegExp(UNSAFE.source);

/** True when `text` holds no character safeText would replace (length and token text aside). */
export function isSafeText(text: string): boolean {
  return !UNSAFE_ONE.test(text);
}

/** Pango markup (waybar, GTK status bars) reads &, < and > as markup: escape them. */
export function escapeMarkup(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * GitHub's login grammar: up to 39 alphanumerics and hyphens, starting with an alphanumeric (old accounts may
 * have a doubled or trailing hyphen); Enterprise Managed Users add an `_shortcode` suffix. Anything else (a
 * slash, a space, a control character, a token) is not a login and must not become a keychain account, a
 * settings key or a line on screen.
 */
const LOGIN = /^[A-Za-z0-9][A-Za-z0-9-]{0,38}(?:_[A-Za-z0-9]{1,20})?$/;

export function isGitHubLogin(x: unknown): x is string {
  return typeof x === 'string' && LOGIN.test(x) && !containsTokenText(x);
}

/**
 * A snapshot whose outside text (the login, the model names, the organisations giving a seat) is safe for a face
 * (safeText). Numbers are left alone. Returns the same object when nothing needed cleaning, so the common case
 * costs one pass.
 */
export function safeSnapshot<
  S extends {
    account: { login: string };
    models: ReadonlyArray<{ model: string }>;
    seat?: { organizations: readonly string[] } | null;
  },
>(s: S): S {
  const clean = (x: string) =>
    x.length <= SAFE_TEXT_MAX && isSafeText(x) && !containsTokenText(x) ? x : safeText(x);
  const orgs = s.seat?.organizations ?? [];
  let dirty = clean(s.account.login) !== s.account.login;
  for (const m of s.models) if (!dirty && clean(m.model) !== m.model) dirty = true;
  for (const o of orgs) if (!dirty && clean(o) !== o) dirty = true;
  if (!dirty) return s;
  return {
    ...s,
    account: { ...s.account, login: clean(s.account.login) },
    models: s.models.map((m) => ({ ...m, model: clean(m.model) })),
    ...(s.seat ? { seat: { ...s.seat, organizations: orgs.map(clean) } } : {}),
  };
}

/**
 * JSON for a terminal: JSON.stringify escapes C0 controls but leaves C1 controls (U+009B is CSI to many
 * terminals), line separators and bidi overrides raw. Those are written as \u escapes: the same data, safe to print.
 */
export function terminalJson(value: unknown, space?: number): string {
  return JSON.stringify(value, undefined, space).replace(
    /[\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
