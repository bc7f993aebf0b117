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
 * Linear in the size of the file (no backtracking regex over a line), and every map is prototype-free with
 * `__proto__` keys dropped, so no key can lend an entry fields it does not have.
 */
export function parseSimpleYaml(text: string): YamlMap {
  const root: YamlMap = Object.create(null) as YamlMap;
  const stack: Array<{ indent: number; map: YamlMap }> = [{ indent: -1, map: root }];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  let skipDeeperThan: number | null = null;
  lines.forEach((raw, i) => {
    const line = stripComment(raw).trimEnd();
    const body = line.trimStart();
    if (body === '' || line === '---') return;
    const indent = line.length - body.length;
    if (line.slice(0, indent).includes('\t')) throw new Error(`line ${i + 1}: tab indentation`);
    if (skipDeeperThan !== null && indent > skipDeeperThan) return;
    skipDeeperThan = null;
    if (body.startsWith('- ') || body === '-') return;
    const kv = splitKeyValue(body);
    if (!kv) throw new Error(`line ${i + 1}: expected "key: value"`);
    const key = unquote(kv.key);
    const value = kv.value;
    while (stack.length > 1 && stack[stack.length - 1]!.indent >= indent) stack.pop();
    const parent = stack[stack.length - 1]!.map;
    const keep = key !== '__proto__';
    if (value === '') {
      const child: YamlMap = Object.create(null) as YamlMap;
      if (keep) parent[key] = child;
      stack.push({ indent, map: child });
    } else if (value.startsWith('[') || value.startsWith('{') || value === '|' || value === '>') {
      // Flow collections and block scalars are not something gh writes for hosts; ignore them and their lines.
      skipDeeperThan = indent;
    } else if (keep) {
      parent[key] = unquote(value);
    }
  });
  return root;
}

const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\t';

/** The line without its comment: a `#` at the start or after a blank, outside quotes. One pass. */
function stripComment(line: string): string {
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote === '"') {
      if (c === '\\') i++;
      else if (c === '"') quote = null;
    } else if (quote === "'") {
      if (c === "'") quote = null;
    } else if (c === '"' || c === "'") {
      // A quote opens a quoted scalar only where one can start (line start, after ": " or a blank).
      if (i === 0 || isSpace(line[i - 1])) quote = c;
    } else if (c === '#' && (i === 0 || isSpace(line[i - 1]))) {
      return line.slice(0, i);
    }
  }
  return line;
}

/** `key: value`, `key:` or a quoted key; null when the line is not a mapping entry. One pass. */
function splitKeyValue(body: string): { key: string; value: string } | null {
  let end: number;
  if (body[0] === '"' || body[0] === "'") {
    const q = body[0];
    let i = 1;
    for (; i < body.length; i++) {
      if (q === '"' && body[i] === '\\') i++;
      else if (body[i] === q) {
        if (q === "'" && body[i + 1] === "'") i++;
        else break;
      }
    }
    if (i >= body.length || body[i + 1] !== ':') return null;
    end = i + 1;
    if (end + 1 < body.length && !isSpace(body[end + 1])) return null;
  } else {
    // The first ':' followed by a blank or the end of the line.
    end = -1;
    for (let i = body.indexOf(':'); i !== -1; i = body.indexOf(':', i + 1)) {
      if (i + 1 === body.length || isSpace(body[i + 1])) {
        end = i;
        break;
      }
    }
    if (end <= 0) return null;
  }
  return { key: body.slice(0, end), value: body.slice(end + 1).trim() };
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
