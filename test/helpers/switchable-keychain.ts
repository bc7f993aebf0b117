/**
 * The REAL keychain store (main/secrets/keychain.ts) over an in-memory keytar that can be switched off — loading
 * fails the way libsecret does when no Secret Service is on the bus — and on again ("the user started or
 * unlocked it, then pressed Try again"). Starts broken.
 */
import { createKeychainStore, type KeytarLike } from '../../main/secrets/keychain';

export const NO_SECRET_SERVICE = 'Cannot autolaunch D-Bus without X11 $DISPLAY (org.freedesktop.secrets)';

export function switchableKeychain() {
  const entries = new Map<string, string>();
  const keytar: KeytarLike = {
    getPassword: async (_s, a) => entries.get(a) ?? null,
    setPassword: async (_s, a, p) => void entries.set(a, p),
    deletePassword: async (_s, a) => entries.delete(a),
    findCredentials: async () => [...entries].map(([account, password]) => ({ account, password })),
  };
  const state = { broken: true, entries };
  const store = createKeychainStore({
    load: async () => {
      if (state.broken) throw new Error(NO_SECRET_SERVICE);
      return keytar;
    },
  });
  return { state, store };
}
