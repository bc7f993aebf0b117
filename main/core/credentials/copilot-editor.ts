/**
 * Tokens of the Copilot editor plugins (VS Code, JetBrains, Neovim): apps.json
 * ({"github.com:Iv1.xxx": {user, oauth_token, githubAppId}}) and the older hosts.json
 * ({"github.com": {user, oauth_token}}), under $XDG_CONFIG_HOME/github-copilot or %LOCALAPPDATA%\github-copilot.
 */
import type { Env, Files } from '../ports';
import type { Credential, CredentialLookup, CredentialSource } from './types';
import {
  configHome,
  emptyLookup,
  isRecord,
  joinPath,
  localAppData,
  looksLikeToken,
  problem,
  readJsonObject,
  uniquePaths,
} from './util';

export function copilotEditorDirs(env: Env): string[] {
  const dirs = [joinPath(env, configHome(env), 'github-copilot')];
  if (env.platform === 'win32') dirs.unshift(joinPath(env, localAppData(env), 'github-copilot'));
  return uniquePaths(dirs);
}

export function copilotEditorSource(env: Env, files: Files): CredentialSource {
  // Where to look depends on the environment only: worked out once, looked at on every refresh.
  const paths = copilotEditorDirs(env).flatMap((dir) =>
    ['apps.json', 'hosts.json'].map((n) => joinPath(env, dir, n)),
  );
  return {
    id: 'copilot-editor',
    async find(): Promise<CredentialLookup> {
      const out = emptyLookup();
      for (const path of paths) {
        const r = await readJsonObject(files, 'copilot-editor', path);
        if (r.ok === 'missing') continue;
        if (r.ok === false) {
          out.problems.push(r.problem);
          continue;
        }
        let usable = 0;
        for (const [key, entry] of Object.entries(r.value)) {
          if (!isRecord(entry) || !looksLikeToken(entry.oauth_token)) continue;
          // apps.json keys are "<host>:<app id>"; hosts.json keys are the host (which may carry a port).
          const host = (
            path.endsWith('apps.json') && key.includes(':') ? key.slice(0, key.lastIndexOf(':')) : key
          ).trim();
          const cred: Credential = {
            kind: 'oauth',
            token: entry.oauth_token,
            source: 'copilot-editor',
            origin: path,
          };
          // A key without a host (":Iv1…") is the default github.com sign-in, not a token for any server.
          cred.host = host || 'github.com';
          if (typeof entry.user === 'string' && entry.user.trim()) cred.login = entry.user.trim();
          out.credentials.push(cred);
          usable++;
        }
        if (usable === 0 && Object.keys(r.value).length > 0) {
          out.problems.push(problem('copilot-editor', path, 'has no entry with an "oauth_token"'));
        }
      }
      return out;
    },
  };
}
