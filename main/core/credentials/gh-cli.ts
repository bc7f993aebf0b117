/**
 * The GitHub CLI's hosts.yml ($GH_CONFIG_DIR, else $XDG_CONFIG_HOME/gh, else ~/.config/gh; Windows
 * %APPDATA%\GitHub CLI). Recent gh versions keep the token in the OS keychain, leaving no token here: that is
 * not a problem, the host is simply skipped. gh tokens are OAuth tokens of the gh app, not of a Copilot client,
 * so the internal API may refuse them; the chain copes.
 */
import type { Env, Files } from '../ports';
import type { Credential, CredentialLookup, CredentialSource } from './types';
import {
  appData,
  configHome,
  emptyLookup,
  envVar,
  joinPath,
  looksLikeToken,
  problem,
  readFileSafe,
  tokenKind,
} from './util';

export function ghHostsPath(env: Env): string {
  const dir = envVar(env, 'GH_CONFIG_DIR');
  if (dir) return joinPath(env, dir, 'hosts.yml');
  if (env.platform === 'win32' && !envVar(env, 'XDG_CONFIG_HOME')) {
    return joinPath(env, appData(env), 'GitHub CLI', 'hosts.yml');
  }
  return joinPath(env, configHome(env), 'gh', 'hosts.yml');
}

export interface YamlMap {
  [key: string]: string | YamlMap;
}

/**
 * The YAML subset gh writes: nested block mappings of scalars, two-or-more-space indentation, comments, quoted
 * scalars. Sequences are skipped. Anything else throws with the line number (never the line: it may hold a token).
 */
export function parseSimpleYaml(text: string): YamlMap {
  const root: YamlMap = {};
  const stack: Array<{ indent: number; map: YamlMap }> = [{ indent: -1, map: root }];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  let skipDeeperThan: number | null = null;
  lines.forEach((raw, i) => {
    const line = raw.replace(/\s+#.*$/, '').replace(/\s+$/, '');
    if (line.trim() === '' || line.trim().startsWith('#') || line === '---') return;
    if (/^\s*\t/.test(line)) throw new Error(`line ${i + 1}: tab indentation`);
    const indent = line.length - line.trimStart().length;
    if (skipDeeperThan !== null && indent > skipDeeperThan) return;
    skipDeeperThan = null;
    const body = line.trimStart();
    if (body.startsWith('- ') || body === '-') return;
    const m = /^("(?:[^"\\]|\\.)*"|'[^']*'|[^\s"'].*?):(?:\s+(.*))?$/.exec(body);
    if (!m) throw new Error(`line ${i + 1}: expected "key: value"`);
    const key = unquote(m[1]!);
    const value = m[2];
    while (stack.length > 1 && stack[stack.length - 1]!.indent >= indent) stack.pop();
    const parent = stack[stack.length - 1]!.map;
    if (value === undefined || value === '') {
      const child: YamlMap = {};
      parent[key] = child;
      stack.push({ indent, map: child });
    } else if (value.startsWith('[') || value.startsWith('{') || value === '|' || value === '>') {
      // Flow collections and block scalars are not something gh writes for hosts; ignore them and their lines.
      skipDeeperThan = indent;
    } else {
      parent[key] = unquote(value);
    }
  });
  return root;
}

function unquote(s: string): string {
  const t = s.trim();
  if (t.length >= 2 && t.startsWith('"') && t.endsWith('"')) return t.slice(1, -1).replace(/\\(.)/g, '$1');
  if (t.length >= 2 && t.startsWith("'") && t.endsWith("'")) return t.slice(1, -1).replace(/''/g, "'");
  return t;
}

export function ghCliSource(env: Env, files: Files): CredentialSource {
  const path = ghHostsPath(env);
  return {
    id: 'gh-cli',
    async find(): Promise<CredentialLookup> {
      const out = emptyLookup();
      const r = await readFileSafe(files, 'gh-cli', path);
      if (r.ok === 'missing') return out;
      if (r.ok === false) {
        out.problems.push(r.problem);
        return out;
      }
      let doc: YamlMap;
      try {
        doc = parseSimpleYaml(r.value);
      } catch (e) {
        out.problems.push(
          problem('gh-cli', path, `is not valid YAML (${(e as Error).message}); left untouched`),
        );
        return out;
      }
      for (const [host, entry] of Object.entries(doc)) {
        if (typeof entry === 'string') continue;
        const add = (token: unknown, login: unknown) => {
          if (!looksLikeToken(token)) return;
          if (out.credentials.some((c) => c.token === token)) return;
          const cred: Credential = { kind: tokenKind(token), token, source: 'gh-cli', origin: path, host };
          if (typeof login === 'string' && login) cred.login = login;
          out.credentials.push(cred);
        };
        // Active account first (the flat fields), then the others of the newer `users:` nesting.
        add(entry.oauth_token, entry.user);
        const users = entry.users;
        if (users && typeof users !== 'string') {
          for (const [login, u] of Object.entries(users)) {
            if (typeof u !== 'string') add(u.oauth_token, login);
          }
        }
      }
      return out;
    },
  };
}
