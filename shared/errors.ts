/**
 * Typed errors. Each error carries a plain, serialisable `info` (it crosses IPC and goes into --json), and
 * type guards work on that plain shape, so they keep working after structured clone, where instanceof does not.
 * User-facing text is NOT here: describeError() in i18n turns an ErrorInfo into "what happened + what to do".
 */

/** Why a pasted string cannot be a personal access token. */
export type TokenProblem = 'empty' | 'whitespace' | 'characters' | 'too-long' | 'oauth-token' | 'not-a-pat';

export type AuthReason = 'expired' | 'revoked' | 'missingPermission' | 'invalid';
export type NotFoundReason = 'user' | 'seatBilledToOrg' | 'endpoint';

export type ErrorInfo =
  | { kind: 'auth'; reason: AuthReason; status?: number; permission?: string; detail?: string }
  | { kind: 'notFound'; reason: NotFoundReason; status?: number; login?: string; detail?: string }
  | { kind: 'rateLimit'; retryAt: string | null; status?: number; detail?: string }
  | {
      kind: 'network';
      /** A short transport code (ENOTFOUND, ECONNREFUSED, EPROTO, CERT_HAS_EXPIRED…), never a message. */
      detail?: string;
      /** host[:port] that could not be reached, so the message can name it (never a path or a token). */
      address?: string;
    }
  | {
      kind: 'timeout';
      timeoutMs: number;
      detail?: string;
      /** host[:port] that did not answer. */ address?: string;
    }
  | { kind: 'server'; status: number; detail?: string }
  | { kind: 'responseShape'; missing: string[]; seen: string[]; status?: number; detail?: string }
  /** An answer bigger than the client reads (a decompression bomb, a misrouted download): refused, never retried. */
  | { kind: 'tooLarge'; limitBytes: number; status?: number; detail?: string }
  | {
      kind: 'config';
      reason: 'noCredential' | 'badInput' | 'insecureUrl' | 'corruptFile' | 'other';
      /** For a pasted token that cannot be a PAT: which problem, so every face can say it in the user's language. */
      token?: TokenProblem;
      detail?: string;
    }
  | { kind: 'keychain'; reason: 'unavailable' | 'locked' | 'denied' | 'other'; detail?: string };

export type ErrorKind = ErrorInfo['kind'];
type InfoOf<K extends ErrorKind> = Extract<ErrorInfo, { kind: K }>;

export class AppError<I extends ErrorInfo = ErrorInfo> extends Error {
  readonly info: I;
  constructor(info: I, options?: { cause?: unknown }) {
    super(info.detail ? `${info.kind}: ${info.detail}` : info.kind, options);
    this.name = `${info.kind[0]!.toUpperCase()}${info.kind.slice(1)}Error`;
    this.info = info;
  }
  get kind(): I['kind'] {
    return this.info.kind;
  }
  toJSON(): I {
    return this.info;
  }
}

const make =
  <K extends ErrorKind>(kind: K) =>
  (fields: Omit<InfoOf<K>, 'kind'>, options?: { cause?: unknown }) =>
    new AppError<InfoOf<K>>({ kind, ...fields } as InfoOf<K>, options);

export const authError = make('auth');
export const notFoundError = make('notFound');
export const rateLimitError = make('rateLimit');
export const networkError = make('network');
export const timeoutError = make('timeout');
export const serverError = make('server');
export const responseShapeError = make('responseShape');
export const tooLargeError = make('tooLarge');
export const configError = make('config');
export const keychainError = make('keychain');

function infoOf(x: unknown): ErrorInfo | undefined {
  if (x instanceof AppError) return x.info;
  if (typeof x === 'object' && x !== null) {
    const o = x as { kind?: unknown; info?: unknown };
    if (typeof o.kind === 'string') return x as ErrorInfo;
    if (typeof o.info === 'object' && o.info !== null) return infoOf(o.info);
  }
  return undefined;
}

/** Accepts an AppError, its info, or anything else (then undefined). */
export const errorInfo = (x: unknown): ErrorInfo | undefined => infoOf(x);

const guard =
  <K extends ErrorKind>(kind: K) =>
  (x: unknown): x is InfoOf<K> | AppError<InfoOf<K>> =>
    infoOf(x)?.kind === kind;

export const isAuthError = guard('auth');
export const isNotFoundError = guard('notFound');
export const isRateLimitError = guard('rateLimit');
export const isNetworkError = guard('network');
export const isTimeoutError = guard('timeout');
export const isServerError = guard('server');
export const isResponseShapeError = guard('responseShape');
export const isTooLargeError = guard('tooLarge');
export const isConfigError = guard('config');
export const isKeychainError = guard('keychain');

/** Transient: worth retrying later with the same credential; the last good data stays valid. */
export const isTransient = (x: unknown): boolean => {
  const k = infoOf(x)?.kind;
  return k === 'network' || k === 'timeout' || k === 'server' || k === 'rateLimit';
};

/** For exhaustive switches. */
export function assertNever(x: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(x)}`);
}
