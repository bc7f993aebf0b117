/**
 * The keychain's in-memory twin: tests, and "keep the token for this session only" when no keychain is
 * available. Nothing is ever written anywhere; the secrets die with the process.
 */
import type { SecretStore } from './types';

export function createMemoryStore(initial?: Record<string, string>): SecretStore {
  const secrets = new Map<string, string>(Object.entries(initial ?? {}));
  return {
    kind: 'memory',
    async get(account) {
      return secrets.get(account) ?? null;
    },
    async set(account, secret) {
      if (!account) throw new TypeError('account key is empty');
      if (!secret) throw new TypeError('secret is empty');
      secrets.set(account, secret);
    },
    async delete(account) {
      return secrets.delete(account);
    },
    async list() {
      return [...secrets.keys()].sort();
    },
  };
}
