/**
 * The app's own PATs, stored in a SecretStore under "<host>/<login>". A keychain that is locked or missing is a
 * problem to report (the other sources still work), never a crash.
 */
import { errorInfo } from '../../../shared/errors';
import type { ErrorInfo } from '../../../shared/errors';
import { parseAccountKey } from '../../secrets/types';
import type { SecretStore } from '../../secrets/types';
import type { CredentialLookup, CredentialSource } from './types';
import { emptyLookup, tokenKind } from './util';

export function keychainSource(store: SecretStore): CredentialSource {
  const origin = store.kind === 'keychain' ? 'keychain' : 'session memory';
  const fail = (out: CredentialLookup, e: unknown, what: string): CredentialLookup => {
    const info: ErrorInfo = errorInfo(e) ?? { kind: 'keychain', reason: 'other', detail: 'unexpected error' };
    const reason = 'reason' in info ? ` (${info.reason})` : '';
    out.problems.push({ source: 'keychain', origin, message: `${what}${reason}`, error: info });
    return out;
  };
  return {
    id: 'keychain',
    async find(): Promise<CredentialLookup> {
      const out = emptyLookup();
      let keys: string[];
      try {
        keys = await store.list();
      } catch (e) {
        return fail(out, e, `The ${origin} could not be listed`);
      }
      for (const key of keys) {
        const ref = parseAccountKey(key);
        if (!ref) {
          out.problems.push({
            source: 'keychain',
            origin: `${origin}: ${key}`,
            message: `Ignoring the ${origin} entry "${key}": expected "<host>/<login>"`,
          });
          continue;
        }
        let token: string | null;
        try {
          token = await store.get(key);
        } catch (e) {
          fail(out, e, `The ${origin} entry for ${key} could not be read`);
          continue;
        }
        if (!token) continue;
        out.credentials.push({
          kind: tokenKind(token),
          token,
          source: 'keychain',
          origin: `${origin}: ${key}`,
          login: ref.login,
          host: ref.host,
        });
      }
      return out;
    },
  };
}
