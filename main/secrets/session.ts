/**
 * The keychain with a session-only layer beside it, for "keep the token for this session only" when the
 * keychain is unavailable, locked or refused. The user chooses that explicitly (setSessionOnly); there is never
 * a silent fallback, and nothing in the memory layer is ever written anywhere.
 *
 * Rules, and why:
 * - get(): memory first. A session token is the one the user handed us most recently for that account, and
 *   answering from memory means a broken keychain is not even asked (no repeated unlock prompts).
 * - list(): memory ∪ keychain. When the keychain fails but memory holds entries, the memory entries are
 *   returned and the keychain error is swallowed: the user already chose "this session only" because of that
 *   very error, and hiding their working token behind it would break the app for the rest of the session.
 *   With nothing in memory the keychain error is thrown as before (callers report it).
 * - set(): the keychain only (the normal, persistent place). On success a session copy of that account is
 *   dropped, so the newer keychain token is the one read.
 * - setSessionOnly(): memory only. The keychain is not touched (it is usually the thing that just failed).
 * - delete(): both. A keychain error is swallowed only when a session entry was removed (what was in use is
 *   gone; the keychain could not have served it either); otherwise it is thrown.
 * - kind: 'memory' while this session's tokens live only in memory (memory holds entries and the keychain has
 *   not answered successfully since), so the UI says "this session only" instead of promising the keychain;
 *   'keychain' otherwise, as that is where a new token goes first.
 */
import { createMemoryStore } from './memory';
import type { SecretStore } from './types';

export interface SessionFallbackStore extends SecretStore {
  /** Keeps a secret in memory for this process only. */
  setSessionOnly(account: string, secret: string): Promise<void>;
  /** True when the account's secret is held for this session only (memory), without asking the keychain. */
  isSessionOnly(account: string): Promise<boolean>;
}

/** True for a store that can keep a secret for the session only (the layered store). */
export const hasSessionLayer = (s: SecretStore): s is SessionFallbackStore =>
  typeof (s as Partial<SessionFallbackStore>).setSessionOnly === 'function' &&
  typeof (s as Partial<SessionFallbackStore>).isSessionOnly === 'function';

export function createSessionFallbackStore(keychain: SecretStore): SessionFallbackStore {
  const memory = createMemoryStore();
  /** Did the keychain's last answer succeed? null until it was asked. */
  let keychainAnswered: boolean | null = null;
  let sessionCount = 0;

  const viaKeychain = async <T>(fn: () => Promise<T>): Promise<T> => {
    try {
      const v = await fn();
      keychainAnswered = true;
      return v;
    } catch (e) {
      keychainAnswered = false;
      throw e;
    }
  };
  const recount = async () => {
    sessionCount = (await memory.list()).length;
  };

  return {
    get kind(): SecretStore['kind'] {
      return sessionCount > 0 && keychainAnswered !== true ? 'memory' : 'keychain';
    },
    async get(account) {
      const s = await memory.get(account);
      if (s !== null) return s;
      return viaKeychain(() => keychain.get(account));
    },
    async set(account, secret) {
      await viaKeychain(() => keychain.set(account, secret));
      await memory.delete(account);
      await recount();
    },
    async setSessionOnly(account, secret) {
      await memory.set(account, secret);
      await recount();
    },
    async isSessionOnly(account) {
      return (await memory.get(account)) !== null;
    },
    async delete(account) {
      const fromMemory = await memory.delete(account);
      await recount();
      try {
        return (await viaKeychain(() => keychain.delete(account))) || fromMemory;
      } catch (e) {
        if (fromMemory) return true;
        throw e;
      }
    },
    async list() {
      const session = await memory.list();
      let stored: string[];
      try {
        stored = await viaKeychain(() => keychain.list());
      } catch (e) {
        if (session.length > 0) return session;
        throw e;
      }
      return [...new Set([...session, ...stored])].sort();
    },
  };
}
