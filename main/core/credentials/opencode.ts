/**
 * OpenCode's auth.json ($XDG_DATA_HOME/opencode, default ~/.local/share/opencode; on Windows also
 * %USERPROFILE%\.local\share\opencode, where OpenCode puts it). Key `github-copilot`:
 * {type:'oauth', refresh:<OAuth token>, access:<Copilot session token or the same>, expires:<epoch ms>}.
 * `github-copilot-enterprise` has the same shape plus `enterpriseUrl`.
 */
import type { Env, Files } from '../ports';
import type { Credential, CredentialLookup, CredentialSource } from './types';
import {
  dataHome,
  emptyLookup,
  envVar,
  isRecord,
  joinPath,
  looksLikeToken,
  problem,
  readJsonObject,
  uniquePaths,
} from './util';

export function opencodeAuthPaths(env: Env): string[] {
  const paths = [joinPath(env, dataHome(env), 'opencode', 'auth.json')];
  if (env.platform === 'win32') {
    const profile = envVar(env, 'USERPROFILE') ?? env.homedir;
    paths.push(joinPath(env, profile, '.local', 'share', 'opencode', 'auth.json'));
  }
  return uniquePaths(paths);
}

/** "https://acme.ghe.com/" or "acme.ghe.com" → "acme.ghe.com". */
export function hostOf(url: string): string | undefined {
  const s = url.trim();
  if (!s) return undefined;
  try {
    return new URL(/^[a-z]+:\/\//i.test(s) ? s : `https://${s}`).host || undefined;
  } catch {
    return undefined;
  }
}

const KEYS = ['github-copilot', 'github-copilot-enterprise'] as const;

export function opencodeSource(env: Env, files: Files): CredentialSource {
  const paths = opencodeAuthPaths(env);
  return {
    id: 'opencode',
    async find(): Promise<CredentialLookup> {
      const out = emptyLookup();
      for (const path of paths) {
        const r = await readJsonObject(files, 'opencode', path);
        if (r.ok === 'missing') continue;
        if (r.ok === false) {
          out.problems.push(r.problem);
          continue;
        }
        for (const key of KEYS) {
          const entry = r.value[key];
          if (entry === undefined) continue;
          if (!isRecord(entry)) {
            out.problems.push(problem('opencode', path, `key "${key}" is not an object`));
            continue;
          }
          const { refresh, access, expires } = entry;
          // An enterprise sign-in names its server (`enterpriseUrl`, or `metadata.enterpriseUrl` in newer OpenCode
          // versions, on either key); without one, the plain github-copilot entry is a github.com sign-in.
          const meta = isRecord(entry.metadata) ? entry.metadata : {};
          const url = [entry.enterpriseUrl, meta.enterpriseUrl].find(
            (u): u is string => typeof u === 'string' && u.trim() !== '',
          );
          const host = url ? hostOf(url) : key === 'github-copilot-enterprise' ? undefined : 'github.com';
          const origin = `${path} (${key})`;
          if (!host) {
            // An enterprise sign-in without its server: sending it anywhere could send it to the wrong server.
            out.problems.push(
              problem('opencode', path, `key "${key}" has no usable "enterpriseUrl"; skipped`),
            );
            continue;
          }
          const base = { source: 'opencode' as const, origin, host };
          const hasRefresh = looksLikeToken(refresh);
          if (hasRefresh) out.credentials.push({ ...base, kind: 'oauth', token: refresh });
          // `access` equal to `refresh` is just the OAuth token again; a different one is a cached session token.
          if (looksLikeToken(access) && access !== refresh) {
            const cred: Credential = { ...base, kind: 'session', token: access };
            const exp = typeof expires === 'string' ? Number(expires) : expires;
            if (typeof exp === 'number' && Number.isFinite(exp) && exp > 0) cred.expiresAt = exp;
            out.credentials.push(cred);
          } else if (!hasRefresh) {
            out.problems.push(
              problem('opencode', path, `key "${key}" has no usable "refresh" or "access" token`),
            );
          }
        }
      }
      return out;
    },
  };
}
