import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, win32 } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCredentialSources, findAllCredentials } from '../../../main/core/credentials';
import { copilotEditorSource } from '../../../main/core/credentials/copilot-editor';
import { envSource } from '../../../main/core/credentials/env';
import { ghCliSource, ghHostsPath, parseSimpleYaml } from '../../../main/core/credentials/gh-cli';
import { keychainSource } from '../../../main/core/credentials/keychain';
import {
  legacyQuotaFilePaths,
  legacyQuotaFileSource,
} from '../../../main/core/credentials/legacy-quota-file';
import { opencodeAuthPaths, opencodeSource } from '../../../main/core/credentials/opencode';
import type { Env } from '../../../main/core/ports';
import { nodeFiles } from '../../../main/core/system';
import { keychainError } from '../../../shared/errors';
import type { SecretStore } from '../../../main/secrets/types';

const PAT = 'github_pat_11AAAAAAA0abcdefghijklmnopqrstuvwxyz';
const OAUTH = 'gho_oauthTokenForOpenCode000000000001';
const SESSION = 'tid=abc;exp=1796083200;sku=monthly;8kp=1:sessionsig';

let home: string;
let env: Env;
const write = (rel: string, text: string): string => {
  const p = join(home, rel);
  mkdirSync(dirname(p), { recursive: true });
  writeFileSync(p, text);
  return p;
};

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'cm-cred-'));
  env = { vars: {}, platform: 'linux', homedir: home };
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

function memoryStore(entries: Record<string, string>, fail?: unknown): SecretStore {
  return {
    kind: 'keychain',
    get: async (k) => {
      if (fail) throw fail;
      return entries[k] ?? null;
    },
    set: async () => {},
    delete: async () => false,
    list: async () => {
      if (fail) throw fail;
      return Object.keys(entries);
    },
  };
}

describe('env source', () => {
  it('reads COPILOT_METER_TOKEN and classifies it by prefix, with the optional user', async () => {
    env.vars = { COPILOT_METER_TOKEN: PAT, COPILOT_METER_USER: 'OctoCat' };
    const r = await envSource(env).find();
    expect(r.credentials).toEqual([
      { kind: 'pat', token: PAT, source: 'env', origin: 'COPILOT_METER_TOKEN', login: 'OctoCat' },
    ]);
    env.vars = { COPILOT_METER_TOKEN: OAUTH };
    expect((await envSource(env).find()).credentials[0]?.kind).toBe('oauth');
    env.vars = { COPILOT_METER_TOKEN: 'ghu_x0000000' };
    expect((await envSource(env).find()).credentials[0]?.kind).toBe('oauth');
  });

  it('finds nothing when the variable is unset or empty, and reports garbage without echoing it', async () => {
    expect((await envSource(env).find()).credentials).toEqual([]);
    env.vars = { COPILOT_METER_TOKEN: '' };
    expect((await envSource(env).find()).credentials).toEqual([]);
    env.vars = { COPILOT_METER_TOKEN: 'secret with spaces' };
    const r = await envSource(env).find();
    expect(r.credentials).toEqual([]);
    expect(r.problems[0]?.message).toMatch(/COPILOT_METER_TOKEN/);
    expect(JSON.stringify(r.problems)).not.toContain('secret with spaces');
  });
});

describe('keychain source', () => {
  it('reads every stored PAT with its login and host from the account key', async () => {
    const r = await keychainSource(
      memoryStore({ 'github.com/OctoCat': PAT, 'acme.ghe.com/bob': 'ghp_x0000000' }),
    ).find();
    expect(r.credentials).toEqual([
      {
        kind: 'pat',
        token: PAT,
        source: 'keychain',
        origin: 'keychain: github.com/OctoCat',
        login: 'OctoCat',
        host: 'github.com',
      },
      {
        kind: 'pat',
        token: 'ghp_x0000000',
        source: 'keychain',
        origin: 'keychain: acme.ghe.com/bob',
        login: 'bob',
        host: 'acme.ghe.com',
      },
    ]);
  });

  it('turns a keychain failure into a problem instead of a crash', async () => {
    const r = await keychainSource(memoryStore({}, keychainError({ reason: 'locked' }))).find();
    expect(r.credentials).toEqual([]);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]?.message).toMatch(/locked/);
    expect(r.problems[0]?.error).toMatchObject({ kind: 'keychain', reason: 'locked' });
  });
});

describe('legacy quota file source', () => {
  it('reads token, username and tier from ~/.config/opencode/copilot-quota-token.json', async () => {
    const path = write(
      '.config/opencode/copilot-quota-token.json',
      JSON.stringify({ token: PAT, username: 'octocat', tier: 'Pro+' }),
    );
    const r = await legacyQuotaFileSource(env, nodeFiles).find();
    expect(r.problems).toEqual([]);
    expect(r.credentials).toEqual([
      {
        kind: 'pat',
        token: PAT,
        source: 'legacy-quota-file',
        origin: path,
        host: 'github.com',
        login: 'octocat',
        plan: 'pro+',
      },
    ]);
  });

  it('honours XDG_CONFIG_HOME and ignores an unknown tier', async () => {
    env.vars = { XDG_CONFIG_HOME: join(home, 'xdg') };
    write('xdg/opencode/copilot-quota-token.json', JSON.stringify({ token: PAT, tier: 'gold' }));
    const r = await legacyQuotaFileSource(env, nodeFiles).find();
    expect(r.credentials).toHaveLength(1);
    expect(r.credentials[0]).not.toHaveProperty('plan');
  });

  it('looks under %APPDATA%\\opencode on Windows', () => {
    const winEnv: Env = {
      vars: { APPDATA: 'C:\\Users\\me\\AppData\\Roaming' },
      platform: 'win32',
      homedir: 'C:\\Users\\me',
    };
    expect(legacyQuotaFilePaths(winEnv)[0]).toBe(
      win32.join('C:\\Users\\me\\AppData\\Roaming', 'opencode', 'copilot-quota-token.json'),
    );
  });

  it('reports corrupted JSON with the path, without the token, and leaves the file byte-identical', async () => {
    const text = `{"token": "${PAT}", "username": `;
    const path = write('.config/opencode/copilot-quota-token.json', text);
    const r = await legacyQuotaFileSource(env, nodeFiles).find();
    expect(r.credentials).toEqual([]);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]?.message).toContain(path);
    expect(r.problems[0]?.message).toMatch(/not valid JSON/);
    expect(r.problems[0]?.error).toMatchObject({ kind: 'config', reason: 'corruptFile' });
    expect(JSON.stringify(r.problems)).not.toContain(PAT);
    expect(readFileSync(path, 'utf8')).toBe(text);
  });

  it('reports a file without a token field', async () => {
    write('.config/opencode/copilot-quota-token.json', JSON.stringify({ username: 'octocat' }));
    const r = await legacyQuotaFileSource(env, nodeFiles).find();
    expect(r.problems[0]?.message).toMatch(/no usable "token"/);
  });
});

describe('opencode source', () => {
  it('reads refresh as an OAuth token and a different access as a session token with its expiry', async () => {
    const path = write(
      '.local/share/opencode/auth.json',
      JSON.stringify({
        'github-copilot': { type: 'oauth', refresh: OAUTH, access: SESSION, expires: 1796083200000 },
      }),
    );
    const r = await opencodeSource(env, nodeFiles).find();
    expect(r.credentials).toEqual([
      {
        kind: 'oauth',
        token: OAUTH,
        source: 'opencode',
        origin: `${path} (github-copilot)`,
        host: 'github.com',
      },
      {
        kind: 'session',
        token: SESSION,
        source: 'opencode',
        origin: `${path} (github-copilot)`,
        host: 'github.com',
        expiresAt: 1796083200000,
      },
    ]);
  });

  it('does not invent a session when access equals refresh', async () => {
    write(
      '.local/share/opencode/auth.json',
      JSON.stringify({ 'github-copilot': { type: 'oauth', refresh: OAUTH, access: OAUTH, expires: 0 } }),
    );
    const r = await opencodeSource(env, nodeFiles).find();
    expect(r.credentials.map((c) => c.kind)).toEqual(['oauth']);
  });

  it('honours XDG_DATA_HOME and reads the enterprise key with its host', async () => {
    env.vars = { XDG_DATA_HOME: join(home, 'data') };
    write(
      'data/opencode/auth.json',
      JSON.stringify({
        'github-copilot-enterprise': {
          type: 'oauth',
          refresh: OAUTH,
          access: OAUTH,
          enterpriseUrl: 'https://acme.ghe.com/',
        },
      }),
    );
    const r = await opencodeSource(env, nodeFiles).find();
    expect(r.credentials).toEqual([expect.objectContaining({ kind: 'oauth', host: 'acme.ghe.com' })]);
  });

  it('also checks %USERPROFILE%\\.local\\share\\opencode on Windows', () => {
    const winEnv: Env = {
      vars: { USERPROFILE: 'C:\\Users\\me' },
      platform: 'win32',
      homedir: 'C:\\Users\\me',
    };
    expect(opencodeAuthPaths(winEnv)).toContain(
      win32.join('C:\\Users\\me', '.local', 'share', 'opencode', 'auth.json'),
    );
  });

  it('reports a corrupted auth.json and leaves it untouched', async () => {
    const text = '{"github-copilot": {"refresh": "gho_abc", }';
    const path = write('.local/share/opencode/auth.json', text);
    const r = await opencodeSource(env, nodeFiles).find();
    expect(r.credentials).toEqual([]);
    expect(r.problems[0]?.message).toContain(path);
    expect(readFileSync(path, 'utf8')).toBe(text);
  });

  it('reports an entry that is not an object', async () => {
    write('.local/share/opencode/auth.json', JSON.stringify({ 'github-copilot': 'gho_x' }));
    const r = await opencodeSource(env, nodeFiles).find();
    expect(r.problems[0]?.message).toMatch(/"github-copilot" is not an object/);
    expect(r.problems[0]?.message).not.toContain('gho_x');
  });
});

describe('copilot editor source', () => {
  it('reads apps.json and hosts.json with user and host', async () => {
    write(
      '.config/github-copilot/apps.json',
      JSON.stringify({
        'github.com:Iv1.b507a08c87ecfe98': {
          user: 'octocat',
          oauth_token: 'ghu_apps000000001',
          githubAppId: 'Iv1.b507a08c87ecfe98',
        },
      }),
    );
    write(
      '.config/github-copilot/hosts.json',
      JSON.stringify({ 'github.com': { user: 'octocat', oauth_token: 'gho_hosts00000001' } }),
    );
    const r = await copilotEditorSource(env, nodeFiles).find();
    expect(r.credentials.map((c) => [c.kind, c.token, c.host, c.login])).toEqual([
      ['oauth', 'ghu_apps000000001', 'github.com', 'octocat'],
      ['oauth', 'gho_hosts00000001', 'github.com', 'octocat'],
    ]);
  });

  it('reports malformed JSON with the path', async () => {
    const path = write('.config/github-copilot/apps.json', '[1,2');
    const r = await copilotEditorSource(env, nodeFiles).find();
    expect(r.problems).toEqual([expect.objectContaining({ source: 'copilot-editor', origin: path })]);
  });
});

describe('gh CLI source', () => {
  it('reads the flat and the newer users: layout, active account first', async () => {
    write(
      '.config/gh/hosts.yml',
      [
        'github.com:',
        '    git_protocol: https',
        '    users:',
        '        octocat:',
        '            oauth_token: gho_octocat00000001',
        '        hubot:',
        '            oauth_token: gho_hubot0000000001',
        '    oauth_token: gho_octocat00000001',
        '    user: octocat',
        '"acme.ghe.com":',
        "    oauth_token: 'gho_acme00000000001' # comment",
        '    user: bob',
        '',
      ].join('\n'),
    );
    const r = await ghCliSource(env, nodeFiles).find();
    expect(r.problems).toEqual([]);
    expect(r.credentials.map((c) => [c.token, c.host, c.login])).toEqual([
      ['gho_octocat00000001', 'github.com', 'octocat'],
      ['gho_hubot0000000001', 'github.com', 'hubot'],
      ['gho_acme00000000001', 'acme.ghe.com', 'bob'],
    ]);
  });

  it('skips hosts whose token lives in the OS keychain', async () => {
    write(
      '.config/gh/hosts.yml',
      'github.com:\n    users:\n        octocat:\n    git_protocol: https\n    user: octocat\n',
    );
    const r = await ghCliSource(env, nodeFiles).find();
    expect(r).toEqual({ credentials: [], problems: [] });
  });

  it('honours GH_CONFIG_DIR and uses %APPDATA%\\GitHub CLI on Windows', () => {
    expect(ghHostsPath({ ...env, vars: { GH_CONFIG_DIR: '/x/gh' } })).toBe('/x/gh/hosts.yml');
    expect(ghHostsPath({ vars: { APPDATA: 'C:\\A' }, platform: 'win32', homedir: 'C:\\U' })).toBe(
      'C:\\A\\GitHub CLI\\hosts.yml',
    );
  });

  it('reports malformed YAML by line number without quoting the line, and leaves the file untouched', async () => {
    const text = 'github.com:\n    oauth_token gho_secret0000000001\n';
    const path = write('.config/gh/hosts.yml', text);
    const r = await ghCliSource(env, nodeFiles).find();
    expect(r.credentials).toEqual([]);
    expect(r.problems[0]?.message).toContain(path);
    expect(r.problems[0]?.message).toMatch(/line 2/);
    expect(r.problems[0]?.message).not.toContain('gho_secret');
    expect(readFileSync(path, 'utf8')).toBe(text);
  });

  it('parses the YAML subset gh writes', () => {
    expect(parseSimpleYaml('a:\n  b: "x: y"\n  c:\n    d: 1\ne: f\n')).toEqual({
      a: { b: 'x: y', c: { d: '1' } },
      e: 'f',
    });
    expect(() => parseSimpleYaml('a:\n\tb: c\n')).toThrow(/line 2/);
  });
});

describe('findAllCredentials', () => {
  it('merges sources in priority order (an explicit env token first) and keeps the first of identical tokens', async () => {
    env.vars = { COPILOT_METER_TOKEN: PAT };
    write('.config/opencode/copilot-quota-token.json', JSON.stringify({ token: PAT, username: 'octocat' }));
    write(
      '.local/share/opencode/auth.json',
      JSON.stringify({ 'github-copilot': { refresh: OAUTH, access: OAUTH } }),
    );
    write('.config/gh/hosts.yml', `github.com:\n    oauth_token: ${OAUTH}\n`);
    write('.config/github-copilot/hosts.json', '{oops');
    const secrets = memoryStore({ 'github.com/octocat': 'github_pat_keychain0000000001' });
    const r = await findAllCredentials(createCredentialSources({ env, files: nodeFiles, secrets }));
    expect(r.credentials.map((c) => [c.source, c.kind])).toEqual([
      ['env', 'pat'],
      ['keychain', 'pat'],
      ['opencode', 'oauth'],
    ]);
    expect(r.problems.map((p) => p.source)).toEqual(['copilot-editor']);
  });

  it('narrows to the requested sources and survives a source that throws', async () => {
    env.vars = { COPILOT_METER_TOKEN: PAT };
    expect(createCredentialSources({ env, files: nodeFiles }, ['env']).map((s) => s.id)).toEqual(['env']);
    const boom = { id: 'gh-cli' as const, find: () => Promise.reject(new Error(PAT)) };
    const r = await findAllCredentials([envSource(env), boom]);
    expect(r.credentials).toHaveLength(1);
    expect(r.problems).toEqual([expect.objectContaining({ source: 'gh-cli' })]);
    expect(JSON.stringify(r.problems)).not.toContain(PAT);
  });
});

describe('every file credential names its server', () => {
  it('treats an editor apps.json key without a host as github.com, never as "any server"', async () => {
    write(
      '.config/github-copilot/apps.json',
      JSON.stringify({ ':Iv1.abc': { oauth_token: OAUTH, user: 'octocat' } }),
    );
    const r = await copilotEditorSource(env, nodeFiles).find();
    expect(r.credentials.map((c) => c.host)).toEqual(['github.com']);
  });

  it('skips an OpenCode enterprise sign-in that does not say its server, and says why', async () => {
    write(
      '.local/share/opencode/auth.json',
      JSON.stringify({
        'github-copilot-enterprise': { type: 'oauth', refresh: OAUTH, access: OAUTH, expires: 0 },
      }),
    );
    const r = await opencodeSource(env, nodeFiles).find();
    expect(r.credentials).toEqual([]);
    expect(r.problems[0]?.message).toContain('enterpriseUrl');
  });
});

describe('OpenCode enterprise sign-ins under the plain key', () => {
  it('takes the server from enterpriseUrl or metadata.enterpriseUrl, whichever key holds the sign-in', async () => {
    write(
      '.local/share/opencode/auth.json',
      JSON.stringify({
        'github-copilot': {
          type: 'oauth',
          refresh: OAUTH,
          access: OAUTH,
          expires: 0,
          metadata: { enterpriseUrl: 'https://acme.ghe.com' },
        },
      }),
    );
    const r = await opencodeSource(env, nodeFiles).find();
    expect(r.credentials.map((c) => c.host)).toEqual(['acme.ghe.com']);
  });
});
