/**
 * The seed's PAT file, copilot-quota-token.json: {"token","username","tier"}. Linux/macOS under
 * $XDG_CONFIG_HOME/opencode (default ~/.config/opencode), Windows under %APPDATA%\opencode.
 */
import { parsePlan } from '../../../shared/plans';
import type { Env, Files } from '../ports';
import type { Credential, CredentialLookup, CredentialSource } from './types';
import {
  appData,
  configHome,
  emptyLookup,
  joinPath,
  looksLikeToken,
  problem,
  readJsonObject,
  tokenKind,
  uniquePaths,
} from './util';

export const LEGACY_FILE_NAME = 'copilot-quota-token.json';

export function legacyQuotaFilePaths(env: Env): string[] {
  const paths = [joinPath(env, configHome(env), 'opencode', LEGACY_FILE_NAME)];
  if (env.platform === 'win32') paths.unshift(joinPath(env, appData(env), 'opencode', LEGACY_FILE_NAME));
  return uniquePaths(paths);
}

export function legacyQuotaFileSource(env: Env, files: Files): CredentialSource {
  const paths = legacyQuotaFilePaths(env);
  return {
    id: 'legacy-quota-file',
    async find(): Promise<CredentialLookup> {
      const out = emptyLookup();
      for (const path of paths) {
        const r = await readJsonObject(files, 'legacy-quota-file', path);
        if (r.ok === 'missing') continue;
        if (r.ok === false) {
          out.problems.push(r.problem);
          continue;
        }
        const { token, username, tier } = r.value;
        if (!looksLikeToken(token)) {
          out.problems.push(problem('legacy-quota-file', path, 'has no usable "token" field'));
          continue;
        }
        // The seed's file is for github.com (it has no host field): its token must not go to an enterprise host.
        const cred: Credential = {
          kind: tokenKind(token),
          token,
          source: 'legacy-quota-file',
          origin: path,
          host: 'github.com',
        };
        if (typeof username === 'string' && username.trim()) cred.login = username.trim();
        const plan = parsePlan(tier);
        if (plan) cred.plan = plan;
        out.credentials.push(cred);
      }
      return out;
    },
  };
}
