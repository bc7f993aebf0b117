/**
 * The OS keychain through keytar: macOS Keychain, Windows Credential Manager, libsecret (Secret Service) on
 * Linux. One entry per account key "<host>/<login>" under the service SERVICE_NAME.
 *
 * keytar is loaded on first use (dynamic import): the CLI's `status` with COPILOT_METER_TOKEN never pays for the
 * native module, and a missing module or Secret Service becomes a typed AppError 'keychain' instead of a crash
 * at start-up. There is deliberately no plain-text fallback: the caller decides (retry, or session-only memory).
 */
import { AppError, errorInfo, keychainError } from '../../shared/errors';
import { SERVICE_NAME, type SecretStore } from './types';
import { redactTokenText } from '../../shared/tokens';

/** The part of keytar this store uses (tests hand in a failing loader to play "native module missing"). */
export interface KeytarLike {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
  findCredentials(service: string): Promise<Array<{ account: string; password: string }>>;
}

export interface KeychainStoreOptions {
  /** Defaults to SERVICE_NAME ('copilot-meter'). */
  service?: string;
  /** Defaults to a dynamic import of keytar. */
  load?: () => Promise<KeytarLike>;
  /**
   * Reads (get, list) that take longer give up with a keychain 'locked' error (default READ_TIMEOUT_MS; 0 = wait
   * for ever). An unlock prompt may stay open for minutes: the tray reports the keychain as locked and retries
   * later instead of waiting on it.
   */
  readTimeoutMs?: number;
  /** Timers for the read timeout (tests hand in a fake clock's). */
  setTimer?: (ms: number, fn: () => void) => () => void;
}

/** How long a read may wait on the keychain (an unlock prompt) before the caller is told it is locked. */
export const READ_TIMEOUT_MS = 10_000;

const realTimer = (ms: number, fn: () => void): (() => void) => {
  const t = setTimeout(fn, ms);
  // A pending keychain timeout must not keep a finished CLI run alive.
  t.unref?.();
  return () => clearTimeout(t);
};

async function loadKeytar(): Promise<KeytarLike> {
  const mod = (await import('keytar')) as unknown as KeytarLike & { default?: KeytarLike };
  // CommonJS under ESM: the functions sit on `default`; bundled to CJS they sit on the module itself.
  return typeof mod.default?.getPassword === 'function' ? mod.default : mod;
}

type Reason = 'unavailable' | 'locked' | 'denied' | 'other';

/**
 * libsecret / D-Bus / macOS / Windows messages → a reason. The order matters: "locked" before "denied"
 * ("Cannot unlock" is a lock problem), and anything about reaching the service is "unavailable".
 */
const PATTERNS: Array<[Reason, RegExp]> = [
  ['locked', /locked collection|collection is locked|keychain is locked|cannot unlock|is locked/i],
  [
    'denied',
    /dismiss|cancell?ed|user canceled|denied|not allowed|user interaction is not allowed|passphrase you entered is not correct|refused/i,
  ],
  [
    'unavailable',
    new RegExp(
      [
        'Cannot autolaunch D-Bus',
        'org\\.freedesktop\\.secrets',
        'was not provided by any \\.service files',
        'Could not connect',
        'dbus-launch',
        'DBUS_SESSION_BUS_ADDRESS',
        'Object does not exist at path',
        'No such interface',
        'ServiceUnknown',
        'Connection refused',
        'X11',
        'Cannot find module',
        'Cannot find package',
        'ERR_MODULE_NOT_FOUND',
        'dlopen',
        'libsecret',
        'was compiled against a different Node\\.js version',
        'NODE_MODULE_VERSION',
        'No keychain',
      ].join('|'),
      'i',
    ),
  ],
];

/** Any keytar/loader failure → AppError keychain with a reason and the (token-free, shortened) OS message. */
export function toKeychainError(e: unknown): AppError {
  if (e instanceof AppError && errorInfo(e)?.kind === 'keychain') return e;
  const raw = e instanceof Error ? e.message : String(e);
  const code = (e as { code?: unknown })?.code;
  const message = `${raw}${typeof code === 'string' && !raw.includes(code) ? ` (${code})` : ''}`;
  const reason = PATTERNS.find(([, re]) => re.test(message))?.[0] ?? 'other';
  const detail = redactTokenText(message, '[token]').replace(/\s+/g, ' ').trim().slice(0, 300);
  return keychainError({ reason, detail }, { cause: e });
}

export function createKeychainStore(opts: KeychainStoreOptions = {}): SecretStore {
  const service = opts.service ?? SERVICE_NAME;
  const load = opts.load ?? loadKeytar;
  let loading: Promise<KeytarLike> | undefined;
  const keytar = (): Promise<KeytarLike> => {
    // A failed load is not cached: the user may install/start the Secret Service and press "retry".
    loading ??= load().catch((e: unknown) => {
      loading = undefined;
      throw e;
    });
    return loading;
  };
  const call = async <T>(fn: (k: KeytarLike) => Promise<T>): Promise<T> => {
    try {
      return await fn(await keytar());
    } catch (e) {
      throw toKeychainError(e);
    }
  };
  const timeoutMs = opts.readTimeoutMs ?? READ_TIMEOUT_MS;
  const setTimer = opts.setTimer ?? realTimer;
  /**
   * Reads still waiting on the keychain, by what they read. A read that timed out keeps running (keytar cannot
   * cancel it); a later read of the same thing joins it instead of asking again, so a slow unlock prompt is not
   * stacked with new ones on every refresh. Its answer, when it comes, serves that later read.
   */
  const pending = new Map<string, Promise<unknown>>();
  const read = <T>(key: string, fn: (k: KeytarLike) => Promise<T>): Promise<T> => {
    let p = pending.get(key) as Promise<T> | undefined;
    if (!p) {
      const started = call(fn);
      p = started;
      pending.set(key, started);
      const forget = () => {
        if (pending.get(key) === started) pending.delete(key);
      };
      started.then(forget, forget);
    }
    if (timeoutMs <= 0) return p;
    const answer = p;
    return new Promise<T>((resolve, reject) => {
      const cancel = setTimer(timeoutMs, () =>
        reject(
          keychainError({
            reason: 'locked',
            detail: `no answer from the keychain within ${Math.round(timeoutMs / 1000)} s (waiting to be unlocked?)`,
          }),
        ),
      );
      answer.then(
        (v) => {
          cancel();
          resolve(v);
        },
        (e: unknown) => {
          cancel();
          reject(e as Error);
        },
      );
    });
  };
  const checkKey = (account: string): void => {
    if (!account.trim()) throw new TypeError('account key is empty');
  };
  return {
    kind: 'keychain',
    async get(account) {
      checkKey(account);
      return read(`get\u0000${account}`, (k) => k.getPassword(service, account));
    },
    async set(account, secret) {
      checkKey(account);
      if (!secret) throw new TypeError('secret is empty');
      return call((k) => k.setPassword(service, account, secret));
    },
    async delete(account) {
      checkKey(account);
      return call((k) => k.deletePassword(service, account));
    },
    async list() {
      return read('list', async (k) => {
        const found = await k.findCredentials(service);
        return [...new Set(found.map((c) => c.account))].sort();
      });
    },
  };
}
