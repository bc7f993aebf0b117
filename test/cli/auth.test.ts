import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { keychainError } from '../../shared/errors';
import { runAuthCommand } from '../../main/cli/auth';
import { cliTranslator } from '../../main/cli/words';
import type { CliContext, CliIo } from '../../main/cli/context';
import { EXIT } from '../../main/cli/exit-codes';
import { FetchHttp } from '../../main/core/http';
import { nodeFiles, systemClock } from '../../main/core/system';
import { createKeychainStore } from '../../main/secrets/keychain';
import { createMemoryStore } from '../../main/secrets/memory';
import type { SecretStore } from '../../main/secrets/types';
import { openSettings } from '../../main/settings/store';
import { startFakeGitHub, type FakeGitHub } from '../fake-github/server';
import { FAKE_OAUTH, FAKE_PAT, FAKE_PAT_NO_PLAN, FAKE_UNKNOWN, scenarios } from '../fake-github/scenarios';
import { describeWithSecretService, secretToolSearch } from '../helpers/secret-service';

const NOW = Date.UTC(2026, 10, 24, 9, 30);

interface Harness {
  ctx: CliContext;
  out: string[];
  err: string[];
  prompts: string[];
  host: string;
  settings: () => ReturnType<ReturnType<typeof openSettings>['get']>;
  settingsText: () => string;
  all: () => string;
}

let fake: FakeGitHub;
let root: string;

beforeAll(async () => {
  fake = await startFakeGitHub(scenarios.all);
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'cm-auth-'));
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

function harness(opts: {
  store?: SecretStore | (() => Promise<SecretStore>);
  stdin?: string;
  tty?: { secret: string; confirm?: boolean };
  flags?: Partial<CliContext['flags']>;
  json?: boolean;
  vars?: Record<string, string>;
  /** Whether the API URL came from --api-url (default: yes). */
  apiUrlFromFlag?: boolean;
}): Harness {
  const out: string[] = [];
  const err: string[] = [];
  const prompts: string[] = [];
  const configDir = join(root, 'config', 'copilot-meter');
  const io: CliIo = {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    stdinIsTTY: Boolean(opts.tty),
    readStdin: async () => {
      if (opts.tty) throw new Error('stdin must not be read when it is a terminal');
      return opts.stdin ?? '';
    },
    readSecret: async (p) => {
      prompts.push(p);
      if (!opts.tty) throw new Error('no terminal');
      return opts.tty.secret;
    },
    confirm: async (q, fallback) => {
      prompts.push(q);
      return opts.tty ? (opts.tty.confirm ?? fallback) : fallback;
    },
  };
  const store = opts.store ?? createMemoryStore();
  const ctx: CliContext = {
    io,
    // The CLI's words, as the bin uses them (main/cli/words.ts).
    tr: cliTranslator('en'),
    apiUrl: fake.url,
    apiUrlFromFlag: opts.apiUrlFromFlag ?? true,
    json: opts.json ?? false,
    flags: { delete: false, sessionOnly: false, ...opts.flags },
    env: {
      vars: {
        COPILOT_METER_CONFIG_DIR: configDir,
        XDG_CONFIG_HOME: join(root, 'xdg'),
        XDG_DATA_HOME: join(root, 'data'),
        ...opts.vars,
      },
      platform: 'linux',
      homedir: join(root, 'home'),
    },
    files: nodeFiles,
    http: new FetchHttp(),
    clock: { ...systemClock, now: () => NOW },
    openSecrets: typeof store === 'function' ? store : async () => store,
  };
  const open = () => openSettings({ env: ctx.env });
  return {
    ctx,
    out,
    err,
    prompts,
    host: new URL(fake.url).host,
    settings: () => open().get(),
    settingsText: () => (existsSync(open().path) ? readFileSync(open().path, 'utf8') : ''),
    all: () => [...out, ...err].join('\n'),
  };
}

const last4 = FAKE_PAT.slice(-4);

describe('auth set (memory store, fake GitHub)', () => {
  it('checks a piped token live, saves it under host/login and records the account in settings', async () => {
    const store = createMemoryStore();
    const h = harness({ store, stdin: `${FAKE_PAT}\n` });
    expect(await runAuthCommand(['set'], h.ctx)).toBe(EXIT.ok);
    expect(await store.get(`${h.host}/octocat`)).toBe(FAKE_PAT);
    const s = h.settings();
    expect(s.accounts).toEqual([
      {
        login: 'octocat',
        host: h.host,
        tokenHint: last4,
        tokenExpiresAt: expect.stringMatching(/^2099-12-31/),
        lastCheckedAt: new Date(NOW).toISOString(),
      },
    ]);
    expect(s.activeAccount).toBe(`${h.host}/octocat`);
    expect(s.apiUrl).toBe(fake.url);
    // A PAT alone does not reveal the plan: say so rather than guess.
    expect(h.out[0]).toBe(`Saved token …${last4} for @octocat (plan unknown, AI credits)`);
    expect(h.out[1]).toBe('Stored in memory, for this session only.');
    expect(h.err.join('\n')).toMatch(/does not tell the plan/);
    expect(s.plan).toBeNull();
    // GitHub was asked (ctx.apiUrl honoured), and the token never reached the screen or the settings file.
    expect(fake.requestsTo('/user').length).toBeGreaterThan(0);
    expect(h.all()).not.toContain(FAKE_PAT);
    expect(h.settingsText()).not.toContain(FAKE_PAT);
  });

  it('reads the token with a hidden prompt when stdin is a terminal', async () => {
    const store = createMemoryStore();
    const h = harness({ store, tty: { secret: FAKE_PAT } });
    expect(await runAuthCommand(['set'], h.ctx)).toBe(EXIT.ok);
    expect(h.prompts).toEqual(['Paste your GitHub token (input is hidden): ']);
    expect(await store.list()).toEqual([`${h.host}/octocat`]);
  });

  it('keeps the old token and saves nothing when GitHub rejects the new one', async () => {
    const store = createMemoryStore();
    const first = harness({ store, stdin: FAKE_PAT });
    await runAuthCommand(['set'], first.ctx);
    const before = first.settingsText();
    const h = harness({ store, stdin: FAKE_UNKNOWN });
    expect(await runAuthCommand(['set'], h.ctx)).toBe(EXIT.auth);
    expect(await store.list()).toEqual([`${h.host}/octocat`]);
    expect(await store.get(`${h.host}/octocat`)).toBe(FAKE_PAT);
    expect(h.settingsText()).toBe(before);
    expect(h.err.join('\n')).toMatch(/Nothing was saved/);
    expect(h.all()).not.toContain(FAKE_UNKNOWN);
  });

  it('says which permission is missing, and saves nothing', async () => {
    const store = createMemoryStore();
    const h = harness({ store, stdin: FAKE_PAT_NO_PLAN });
    expect(await runAuthCommand(['set'], h.ctx)).toBe(EXIT.auth);
    expect(h.err.join('\n')).toMatch(/Plan/);
    expect(await store.list()).toEqual([]);
    expect(h.settings().accounts).toEqual([]);
  });

  it('saves the login with the case GitHub uses when --user differs only in case', async () => {
    const store = createMemoryStore();
    const h = harness({ store, stdin: FAKE_PAT, flags: { user: 'OctoCat' } });
    expect(await runAuthCommand(['set'], h.ctx)).toBe(EXIT.ok);
    expect(await store.list()).toEqual([`${h.host}/octocat`]);
    expect(h.err.join('\n')).toContain('GitHub spells the login @octocat (not @OctoCat)');
  });

  it('refuses a token that belongs to someone else than --user', async () => {
    const store = createMemoryStore();
    const h = harness({ store, stdin: FAKE_PAT, flags: { user: 'hubot' } });
    expect(await runAuthCommand(['set'], h.ctx)).toBe(EXIT.usage);
    expect(h.err.join('\n')).toContain('The token belongs to @octocat, not @hubot');
    expect(await store.list()).toEqual([]);
  });

  it('asks for a token when stdin is empty, without calling GitHub', async () => {
    const before = fake.requests.length;
    const h = harness({ stdin: '  \n' });
    expect(await runAuthCommand(['set'], h.ctx)).toBe(EXIT.usage);
    expect(h.err[0]).toMatch(/No token given/);
    expect(fake.requests.length).toBe(before);
  });

  it('with an unavailable keychain: explains the choices, exits with the keychain code, writes no settings', async () => {
    const h = harness({
      stdin: FAKE_PAT,
      store: async () => {
        throw keychainError({
          reason: 'unavailable',
          detail: 'Cannot autolaunch D-Bus without X11 $DISPLAY',
        });
      },
    });
    expect(await runAuthCommand(['set'], h.ctx)).toBe(EXIT.keychain);
    expect(h.err.join('\n')).toMatch(/keychain is not available/);
    // Said once: the way out is not repeated by a second line.
    expect(h.err.join('\n').match(/COPILOT_METER_TOKEN/g)).toHaveLength(1);
    expect(h.err.join('\n')).toContain('Nothing was saved.');
    expect(h.err.join('\n')).not.toMatch(/for this session only/);
    expect(h.settingsText()).toBe('');
  });

  it('with a locked keychain that refuses the write: same, and the settings stay untouched', async () => {
    const store = createMemoryStore();
    const locked: SecretStore = {
      ...store,
      kind: 'keychain',
      set: async () => {
        throw keychainError({ reason: 'locked', detail: 'Cannot create an item in a locked collection' });
      },
    };
    const h = harness({ stdin: FAKE_PAT, store: locked });
    expect(await runAuthCommand(['set'], h.ctx)).toBe(EXIT.keychain);
    expect(h.err.join('\n')).toMatch(/locked/);
    expect(h.settings().accounts).toEqual([]);
  });

  it('--session-only checks the token and keeps nothing', async () => {
    const store = createMemoryStore();
    const h = harness({ store, stdin: FAKE_PAT, flags: { sessionOnly: true } });
    expect(await runAuthCommand(['set'], h.ctx)).toBe(EXIT.ok);
    expect(h.out.join('\n')).toMatch(/keeps nothing.*COPILOT_METER_TOKEN/);
    expect(await store.list()).toEqual([]);
    expect(h.settingsText()).toBe('');
  });

  it('remembers the server only when it was chosen with --api-url, not from COPILOT_METER_API_URL', async () => {
    const h = harness({ stdin: FAKE_PAT, apiUrlFromFlag: false });
    expect(await runAuthCommand(['set'], h.ctx)).toBe(EXIT.ok);
    expect(h.settings().apiUrl).toBe('https://api.github.com');
    expect(h.settings().accounts).toHaveLength(1);
    const flagged = harness({ stdin: FAKE_PAT });
    expect(await runAuthCommand(['set'], flagged.ctx)).toBe(EXIT.ok);
    expect(flagged.settings().apiUrl).toBe(fake.url);
  });

  it('answers errors in JSON with a message in the user’s language', async () => {
    const h = harness({ stdin: FAKE_PAT_NO_PLAN, json: true });
    expect(await runAuthCommand(['set'], h.ctx)).toBe(EXIT.auth);
    const body = JSON.parse(h.out.join('\n')) as { ok: boolean; error: { kind: string; message: string } };
    expect(body.ok).toBe(false);
    expect(body.error.kind).toBe('auth');
    expect(body.error.message).toContain('Read-only');
  });

  it('answers in JSON with --json, without the token', async () => {
    const h = harness({ stdin: FAKE_PAT, json: true });
    expect(await runAuthCommand(['set'], h.ctx)).toBe(EXIT.ok);
    const body = JSON.parse(h.out.join('\n')) as Record<string, unknown>;
    expect(body).toMatchObject({
      ok: true,
      saved: true,
      login: 'octocat',
      tokenHint: `…${last4}`,
      store: 'memory',
    });
    expect(h.out.join('\n')).not.toContain(FAKE_PAT);
  });

  it('sets the plan when an OAuth token of a Copilot client on this machine reveals it', async () => {
    const h = harness({ stdin: FAKE_PAT });
    const dir = join(root, 'data', 'opencode');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'auth.json'),
      JSON.stringify({
        'github-copilot': { type: 'oauth', refresh: FAKE_OAUTH, access: FAKE_OAUTH, expires: 0 },
      }),
    );
    expect(await runAuthCommand(['set'], h.ctx)).toBe(EXIT.ok);
    expect(h.settings().plan).toBe('pro');
    expect(h.out[0]).toBe(`Saved token …${last4} for @octocat (Copilot Pro, AI credits)`);
    expect(h.all()).not.toContain(FAKE_OAUTH);
  });

  it('speaks the user’s language', async () => {
    const h = harness({ stdin: FAKE_PAT });
    h.ctx.tr = cliTranslator('fr');
    expect(await runAuthCommand(['set'], h.ctx)).toBe(EXIT.ok);
    expect(h.out[0]).toBe(`Jeton …${last4} enregistré pour @octocat (forfait inconnu, crédits IA)`);
  });
});

describe('auth status and remove (memory store)', () => {
  it('lists accounts with token ending, expiry, last check and the store, in text and JSON', async () => {
    const store = createMemoryStore();
    await runAuthCommand(['set'], harness({ store, stdin: FAKE_PAT }).ctx);
    const h = harness({ store });
    expect(await runAuthCommand(['status'], h.ctx)).toBe(EXIT.ok);
    expect(h.out[0]).toBe(
      `@octocat on ${h.host} (shown in the tray): token …${last4}, expires 2099-12-31, last checked 2026-11-24 09:30 UTC`,
    );
    expect(h.out[1]).toBe('Tokens are kept in memory, for this session only.');

    const j = harness({ store, json: true });
    expect(await runAuthCommand(['status'], j.ctx)).toBe(EXIT.ok);
    expect(JSON.parse(j.out.join(''))).toMatchObject({
      store: 'memory',
      storeError: null,
      accounts: [{ login: 'octocat', host: h.host, tokenHint: `…${last4}`, active: true, inStore: true }],
      keychainOnly: [],
      envToken: null,
    });
  });

  it('says when nothing is saved, and points out COPILOT_METER_TOKEN by its ending only', async () => {
    const h = harness({ vars: { COPILOT_METER_TOKEN: FAKE_PAT } });
    expect(await runAuthCommand(['status'], h.ctx)).toBe(EXIT.ok);
    expect(h.out[0]).toMatch(/No token saved/);
    expect(h.all()).toContain(`…${last4}`);
    expect(h.all()).not.toContain(FAKE_PAT);
  });

  it('flags an account whose token is missing from the store, and a stored token no account lists', async () => {
    const store = createMemoryStore();
    await runAuthCommand(['set'], harness({ store, stdin: FAKE_PAT }).ctx);
    const h = harness({ store });
    await store.delete(`${h.host}/octocat`);
    await store.set('github.com/hubot', 'ghp_hubot_token_00000001');
    await runAuthCommand(['status'], h.ctx);
    expect(h.out.join('\n')).toMatch(/holds no token for @octocat/);
    expect(h.out.join('\n')).toContain('@hubot on github.com: token in the keychain, not listed in settings');
  });

  it('says a session-only token lives in the tray app, instead of calling it missing', async () => {
    const store = createMemoryStore();
    const first = harness({ store, stdin: FAKE_PAT });
    await runAuthCommand(['set'], first.ctx);
    await store.delete(`${first.host}/octocat`);
    const settings = openSettings({ env: first.ctx.env });
    settings.update((cur) => ({ ...cur, accounts: cur.accounts.map((a) => ({ ...a, sessionOnly: true })) }));
    const h = harness({ store });
    await runAuthCommand(['status'], h.ctx);
    expect(h.out.join('\n')).toContain('keeps @octocat’s token for its session only');
    expect(h.out.join('\n')).not.toMatch(/holds no token/);
  });

  it('still lists accounts when the keychain cannot be read, and exits with the keychain code', async () => {
    await runAuthCommand(['set'], harness({ stdin: FAKE_PAT }).ctx);
    const h = harness({
      store: async () => {
        throw keychainError({ reason: 'unavailable' });
      },
    });
    expect(await runAuthCommand(['status'], h.ctx)).toBe(EXIT.keychain);
    expect(h.out[0]).toMatch(/^@octocat on/);
    expect(h.err.join('\n')).toMatch(/could not be read/);
  });

  it('removes an account from the store and from settings, matching the login case-insensitively', async () => {
    const store = createMemoryStore();
    await runAuthCommand(['set'], harness({ store, stdin: FAKE_PAT }).ctx);
    const h = harness({ store, flags: { yes: true } });
    expect(await runAuthCommand(['remove', 'OCTOCAT'], h.ctx)).toBe(EXIT.ok);
    expect(h.out).toEqual([`Removed the token for @octocat on ${h.host}.`]);
    expect(await store.list()).toEqual([]);
    expect(h.settings().accounts).toEqual([]);
    expect(h.settings().activeAccount).toBeNull();
  });

  it('removes the only account without a name, but asks which one when there are several', async () => {
    const store = createMemoryStore({
      'github.com/alice': 'ghp_alice_0000000001',
      'github.com/bob': 'ghp_bob_00000000001',
    });
    const h = harness({ store, flags: { yes: true } });
    expect(await runAuthCommand(['remove'], h.ctx)).toBe(EXIT.usage);
    expect(h.err.join('\n')).toMatch(/name one.*alice, bob/);
    expect(await runAuthCommand(['remove', 'nobody'], h.ctx)).toBe(EXIT.usage);
    expect(await runAuthCommand(['remove', 'github.com/alice'], h.ctx)).toBe(EXIT.ok);
    expect(await runAuthCommand(['remove'], h.ctx)).toBe(EXIT.ok);
    expect(await store.list()).toEqual([]);
  });

  it('leaves settings alone when the keychain refuses to delete, so remove can be retried', async () => {
    const store = createMemoryStore();
    await runAuthCommand(['set'], harness({ store, stdin: FAKE_PAT }).ctx);
    const h = harness({
      store: {
        ...store,
        delete: async () => {
          throw keychainError({ reason: 'denied' });
        },
      },
      flags: { yes: true },
    });
    expect(await runAuthCommand(['remove', 'octocat'], h.ctx)).toBe(EXIT.keychain);
    expect(h.settings().accounts).toHaveLength(1);
    expect(h.err.join('\n')).toContain('Nothing was removed.');
    expect(h.err.join('\n')).not.toContain('Nothing was saved');
  });

  it('refuses to remove without --yes when input is not a terminal, and removes nothing', async () => {
    const store = createMemoryStore();
    await runAuthCommand(['set'], harness({ store, stdin: FAKE_PAT }).ctx);
    const h = harness({ store });
    expect(await runAuthCommand(['remove', 'octocat'], h.ctx)).toBe(EXIT.usage);
    expect(h.err.join('\n')).toContain('input is not a terminal: add --yes to remove @octocat');
    expect(await store.list()).toEqual([`${h.host}/octocat`]);
    expect(h.settings().accounts).toHaveLength(1);
  });

  it('asks in a terminal before removing, and keeps the token when the answer is no', async () => {
    const store = createMemoryStore();
    await runAuthCommand(['set'], harness({ store, stdin: FAKE_PAT }).ctx);
    const no = harness({ store, tty: { secret: '', confirm: false } });
    expect(await runAuthCommand(['remove', 'octocat'], no.ctx)).toBe(EXIT.ok);
    expect(no.prompts.join('\n')).toContain(`Remove the saved token of @octocat (${no.host})?`);
    expect(no.err).toContain('Nothing was removed.');
    expect(await store.list()).toEqual([`${no.host}/octocat`]);
    const yes = harness({ store, tty: { secret: '', confirm: true } });
    expect(await runAuthCommand(['remove', 'octocat'], yes.ctx)).toBe(EXIT.ok);
    expect(await store.list()).toEqual([]);
  });

  it('forgets the removed account’s last reading (login, usage, models) in settings.json', async () => {
    const store = createMemoryStore();
    await runAuthCommand(['set'], harness({ store, stdin: FAKE_PAT }).ctx);
    const h = harness({ store, flags: { yes: true } });
    expect(h.settings().lastSnapshot?.account.login).toBe('octocat');
    expect(h.settingsText()).toContain('octocat');
    expect(await runAuthCommand(['remove', 'octocat'], h.ctx)).toBe(EXIT.ok);
    expect(h.settings().lastSnapshot).toBeNull();
    expect(h.settingsText()).not.toContain('octocat');
  });

  it('keeps the last reading of an account that was not removed', async () => {
    const store = createMemoryStore({ 'github.com/hubot': 'ghp_hubot_token_00000001' });
    await runAuthCommand(['set'], harness({ store, stdin: FAKE_PAT }).ctx);
    const h = harness({ store, flags: { yes: true } });
    expect(await runAuthCommand(['remove', 'hubot'], h.ctx)).toBe(EXIT.ok);
    expect(h.settings().lastSnapshot?.account.login).toBe('octocat');
  });

  it('says only that the keychain could not be read, not also that no token is saved', async () => {
    const h = harness({
      store: async () => {
        throw keychainError({ reason: 'unavailable' });
      },
    });
    expect(await runAuthCommand(['status'], h.ctx)).toBe(EXIT.keychain);
    expect(h.all()).not.toMatch(/No token saved/);
    expect(h.err.join('\n')).toMatch(/keychain could not be read/);
  });

  it('rejects an unknown subcommand with the usage text', async () => {
    const h = harness({});
    expect(await runAuthCommand(['frobnicate'], h.ctx)).toBe(EXIT.usage);
    expect(h.err.join('\n')).toMatch(/Unknown auth command "frobnicate"[\s\S]*set \[--user LOGIN\]/);
  });
});

describe('auth import (legacy copilot-quota-token.json)', () => {
  const writeLegacy = (body: unknown) => {
    const dir = join(root, 'xdg', 'opencode');
    mkdirSync(dir, { recursive: true });
    const path = join(dir, 'copilot-quota-token.json');
    writeFileSync(path, typeof body === 'string' ? body : JSON.stringify(body));
    return path;
  };

  it('never sends the file’s github.com token to another server, not even to check it', async () => {
    writeLegacy({ token: FAKE_PAT, username: 'octocat' });
    const h = harness({});
    h.ctx.apiUrl = 'https://ghes.corp.example/api/v3';
    const sent: string[] = [];
    h.ctx.http = {
      request: async (req) => {
        sent.push(req.url);
        return { status: 200, headers: {}, body: '{}' };
      },
    };
    expect(await runAuthCommand(['import'], h.ctx)).toBe(EXIT.usage);
    expect(sent).toEqual([]);
    expect(h.err.join('\n')).toContain('not sent to ghes.corp.example');
  });

  it('imports token, exact-case username and tier, and keeps the file when not interactive', async () => {
    const path = writeLegacy({ token: FAKE_PAT, username: 'OctoCat', tier: 'pro+' });
    const store = createMemoryStore();
    const h = harness({ store });
    expect(await runAuthCommand(['import'], h.ctx)).toBe(EXIT.ok);
    expect(await store.get(`${h.host}/octocat`)).toBe(FAKE_PAT);
    expect(h.settings().accounts.map((a) => a.login)).toEqual(['octocat']);
    expect(h.settings().plan).toBe('pro+');
    expect(h.out[0]).toBe(`Saved token …${last4} for @octocat (Copilot Pro+, AI credits)`);
    expect(h.err.join('\n')).toContain('GitHub spells the login @octocat (not @OctoCat)');
    expect(existsSync(path)).toBe(true);
    expect(h.err.join('\n')).toMatch(/Left .* in place/);
    expect(h.all()).not.toContain(FAKE_PAT);
  });

  it('deletes the file with --delete', async () => {
    const path = writeLegacy({ token: FAKE_PAT, username: 'octocat', tier: 'pro' });
    const h = harness({ flags: { delete: true } });
    expect(await runAuthCommand(['import'], h.ctx)).toBe(EXIT.ok);
    expect(existsSync(path)).toBe(false);
  });

  it('asks before deleting when interactive, and deletes on yes', async () => {
    const path = writeLegacy({ token: FAKE_PAT, username: 'octocat' });
    const h = harness({ tty: { secret: '', confirm: true } });
    expect(await runAuthCommand(['import'], h.ctx)).toBe(EXIT.ok);
    expect(h.prompts.some((p) => p.startsWith(`Delete ${path}?`))).toBe(true);
    expect(existsSync(path)).toBe(false);
  });

  it('saves nothing and keeps the file when the token in it is rejected', async () => {
    const path = writeLegacy({ token: FAKE_UNKNOWN, username: 'octocat', tier: 'pro' });
    const store = createMemoryStore();
    const h = harness({ store, flags: { delete: true } });
    expect(await runAuthCommand(['import'], h.ctx)).toBe(EXIT.auth);
    expect(await store.list()).toEqual([]);
    expect(existsSync(path)).toBe(true);
  });

  it('says where it looked when there is no file', async () => {
    const h = harness({});
    expect(await runAuthCommand(['import'], h.ctx)).toBe(EXIT.usage);
    expect(h.err.join('\n')).toContain(join(root, 'xdg', 'opencode', 'copilot-quota-token.json'));
  });

  it('reports a corrupt file without echoing its content', async () => {
    writeLegacy(`{"token": "${FAKE_PAT}", oops`);
    const h = harness({});
    expect(await runAuthCommand(['import'], h.ctx)).toBe(EXIT.usage);
    expect(h.err.join('\n')).toMatch(/not valid JSON/);
    expect(h.all()).not.toContain(FAKE_PAT);
  });
});

describeWithSecretService('auth with the real keychain', (ss) => {
  it('set puts the token in the keychain (secret-tool sees it) and nowhere in the settings directory', async () => {
    const keychain = createKeychainStore();
    const h = harness({ store: keychain, stdin: FAKE_PAT });
    expect(await runAuthCommand(['set'], h.ctx)).toBe(EXIT.ok);
    expect(h.out[1]).toBe('Stored in the system keychain.');
    const found = secretToolSearch(ss().env) ?? '';
    expect(found).toContain(`attribute.account = ${h.host}/octocat`);
    expect(found).toContain(`secret = ${FAKE_PAT}`);
    const dir = join(root, 'config', 'copilot-meter');
    for (const f of readdirSync(dir)) expect(readFileSync(join(dir, f), 'utf8')).not.toContain(FAKE_PAT);

    const s = harness({ store: keychain });
    expect(await runAuthCommand(['status'], s.ctx)).toBe(EXIT.ok);
    expect(s.out.join('\n')).toContain('Tokens are kept in the system keychain.');

    const remove = harness({ store: keychain, flags: { yes: true } });
    expect(await runAuthCommand(['remove', 'octocat'], remove.ctx)).toBe(EXIT.ok);
    expect(secretToolSearch(ss().env) ?? '').not.toContain(`${h.host}/octocat`);
  });

  it('a rejected token leaves the keychain entry as it was', async () => {
    const keychain = createKeychainStore();
    await runAuthCommand(['set'], harness({ store: keychain, stdin: FAKE_PAT }).ctx);
    const h = harness({ store: keychain, stdin: FAKE_UNKNOWN });
    expect(await runAuthCommand(['set'], h.ctx)).toBe(EXIT.auth);
    expect(await keychain.get(`${h.host}/octocat`)).toBe(FAKE_PAT);
  });
});
