import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { errorInfo, isKeychainError } from '../../shared/errors';
import {
  createKeychainStore,
  READ_TIMEOUT_MS,
  toKeychainError,
  type KeytarLike,
} from '../../main/secrets/keychain';
import { FakeClock } from '../core/scheduler-fake-clock';
import { accountKey } from '../../main/secrets/types';
import { describeWithSecretService, secretToolSearch } from '../helpers/secret-service';

const CHILD = fileURLToPath(new URL('./fixtures/keychain-child.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Runs the child fixture with the given environment; returns its one JSON line. */
function runChild(env: Record<string, string | undefined>, args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', CHILD, ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
  const line = r.stdout.trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(line) as { ok: boolean; value?: unknown; error?: unknown };
  } catch {
    throw new Error(`child printed no JSON (status ${r.status}): ${r.stdout} ${r.stderr}`);
  }
}

describeWithSecretService('keychain store (real Secret Service)', (ss) => {
  const store = createKeychainStore();

  it('stores a token and reads it back', async () => {
    await store.set('github.com/octocat', 'github_pat_11AAAA_first');
    expect(await store.get('github.com/octocat')).toBe('github_pat_11AAAA_first');
  });

  it('puts the token in the system keychain under service copilot-meter, visible to secret-tool', async () => {
    await store.set('github.com/Mona-Lisa', 'github_pat_visible_to_secret_tool_1234');
    const found = secretToolSearch(ss().env);
    if (found === null) throw new Error('secret-tool is not installed');
    expect(found).toContain('attribute.service = copilot-meter');
    expect(found).toContain('attribute.account = github.com/Mona-Lisa');
    expect(found).toContain('secret = github_pat_visible_to_secret_tool_1234');
  });

  it('overwrites an existing entry instead of adding a second one', async () => {
    await store.set('github.com/overwrite', 'ghp_old_token_value_0001');
    await store.set('github.com/overwrite', 'ghp_new_token_value_0002');
    expect(await store.get('github.com/overwrite')).toBe('ghp_new_token_value_0002');
    expect((await store.list()).filter((k) => k === 'github.com/overwrite')).toHaveLength(1);
  });

  it('deletes an entry, and says whether there was anything to delete', async () => {
    await store.set('github.com/deleteme', 'ghp_delete_me_000000001');
    expect(await store.delete('github.com/deleteme')).toBe(true);
    expect(await store.get('github.com/deleteme')).toBeNull();
    expect(await store.delete('github.com/deleteme')).toBe(false);
  });

  it('lists several accounts, on different hosts, in a stable order', async () => {
    await store.set(accountKey('github.com', 'zed'), 'ghp_zed_token_0000000001');
    await store.set(accountKey('acme.ghe.com', 'alice'), 'ghp_alice_token_00000001');
    const keys = await store.list();
    expect(keys).toContain('github.com/zed');
    expect(keys).toContain('acme.ghe.com/alice');
    expect(keys).toEqual([...keys].sort());
  });

  it('keeps unicode and a 1 KB token intact', async () => {
    const unicode = 'tökén-密码-🔑-jeton';
    const big = `github_pat_${'x'.repeat(1024 - 'github_pat_'.length)}`;
    await store.set('github.com/unicode', unicode);
    await store.set('github.com/big', big);
    expect(await store.get('github.com/unicode')).toBe(unicode);
    expect(await store.get('github.com/big')).toBe(big);
    expect(big).toHaveLength(1024);
  });

  it('returns null for an account that has no entry', async () => {
    expect(await store.get('github.com/nobody-here')).toBeNull();
  });

  it('reports an unavailable keychain (dead D-Bus socket) as a typed error and writes nothing anywhere', () => {
    const home = mkdtempSync(join(tmpdir(), 'cm-dead-bus-'));
    try {
      const r = runChild(
        {
          HOME: home,
          XDG_RUNTIME_DIR: home,
          XDG_CONFIG_HOME: join(home, '.config'),
          DBUS_SESSION_BUS_ADDRESS: `unix:path=${join(home, 'no-such-socket')}`,
        },
        ['set', 'github.com/octocat', 'github_pat_must_not_land_anywhere_1'],
      );
      expect(r.ok).toBe(false);
      expect(r.error).toMatchObject({ kind: 'keychain', reason: 'unavailable' });
      expect(JSON.stringify(r.error)).not.toContain('must_not_land');
      // No plain-text fallback: the child's HOME is as empty as it started.
      expect(readdirSync(home)).toEqual([]);
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
    // And the working keychain did not receive it either.
    expect(secretToolSearch(ss().env) ?? '').not.toContain('must_not_land');
  });
});

describe('keychain errors', () => {
  it('turns a missing native module into "unavailable", and loads again on retry', async () => {
    let loads = 0;
    const store = createKeychainStore({
      load: async () => {
        loads++;
        throw Object.assign(new Error("Cannot find module 'keytar'"), { code: 'MODULE_NOT_FOUND' });
      },
    });
    const e = await store.get('github.com/octocat').catch((x: unknown) => x);
    expect(isKeychainError(e)).toBe(true);
    expect(errorInfo(e)).toMatchObject({ kind: 'keychain', reason: 'unavailable' });
    await store.list().catch(() => undefined);
    expect(loads).toBe(2);
  });

  it.each([
    ['Could not connect: No such file or directory', 'unavailable'],
    ['Cannot autolaunch D-Bus without X11 $DISPLAY', 'unavailable'],
    [
      'Error spawning command line “dbus-launch --autolaunch=3d12 --binary-syntax --close-stderr”: Child process exited with code 1',
      'unavailable',
    ],
    ['The name org.freedesktop.secrets was not provided by any .service files', 'unavailable'],
    ['Object does not exist at path “/org/freedesktop/secrets/collection/login”', 'unavailable'],
    ['Cannot create an item in a locked collection', 'locked'],
    ['The operation was cancelled', 'denied'],
    ['Prompt dismissed by user', 'denied'],
    ['User interaction is not allowed.', 'denied'],
    ['Something odd happened', 'other'],
  ] as const)('maps "%s" to %s', (message, reason) => {
    expect(toKeychainError(new Error(message)).info).toMatchObject({ kind: 'keychain', reason });
  });

  it('never repeats a token that an OS message happened to quote', () => {
    const e = toKeychainError(new Error('failed for ghp_abcdefghijklmnop1234'));
    expect(e.info.detail).not.toContain('ghp_abcdefghijklmnop1234');
  });

  it('refuses an empty secret before touching the keychain', async () => {
    const store = createKeychainStore({
      load: async () => {
        throw new Error('must not load');
      },
    });
    await expect(store.set('github.com/x', '')).rejects.toThrow(/empty/);
  });
});

describe('a keychain that waits on an unlock prompt', () => {
  /**
   * keytar whose first read answers after `firstMs` on the fake clock (an unlock prompt left open), and later
   * ones after 1 s.
   */
  function slowKeytar(clock: FakeClock, firstMs: number) {
    const calls: string[] = [];
    const later = <T>(v: T) =>
      new Promise<T>((resolve) => clock.setTimer(calls.length === 1 ? firstMs : 1_000, () => resolve(v)));
    const keytar: KeytarLike = {
      getPassword: (_s, account) => (calls.push(`get ${account}`), later('github_pat_FAKE_slow')),
      findCredentials: () => (calls.push('list'), later([{ account: 'github.com/octocat', password: 'x' }])),
      setPassword: async () => undefined,
      deletePassword: async () => true,
    };
    return { keytar, calls };
  }
  const settle = () => new Promise<void>((r) => setImmediate(r));

  it('gives up on a read after the timeout with "locked", and a later read joins the one still waiting', async () => {
    const clock = new FakeClock(0);
    const { keytar, calls } = slowKeytar(clock, 12_000);
    const store = createKeychainStore({
      load: async () => keytar,
      readTimeoutMs: 10_000,
      setTimer: (ms, fn) => clock.setTimer(ms, fn),
    });
    const first = store.list().catch((e: unknown) => e);
    await settle();
    await clock.runUntil(10_001, settle);
    const e = await first;
    expect(errorInfo(e)).toMatchObject({ kind: 'keychain', reason: 'locked' });
    expect(String(errorInfo(e)?.detail)).toMatch(/within 10 s/);
    // The prompt is still open: a retry does not ask the keychain again, it waits on the same read...
    const second = store.list();
    await settle();
    expect(calls).toEqual(['list']);
    // ...which answers when the user unlocks (at 12 s).
    await clock.runUntil(12_001, settle);
    await expect(second).resolves.toEqual(['github.com/octocat']);
    // Once answered, the next read asks again.
    const third = store.get('github.com/octocat');
    await settle();
    await clock.runUntil(14_000, settle);
    await expect(third).resolves.toBe('github_pat_FAKE_slow');
    expect(calls).toEqual(['list', 'get github.com/octocat']);
  });

  it('answers a read that comes in time as usual', async () => {
    const clock = new FakeClock(0);
    const { keytar } = slowKeytar(clock, 3_000);
    const store = createKeychainStore({
      load: async () => keytar,
      readTimeoutMs: 10_000,
      setTimer: (ms, fn) => clock.setTimer(ms, fn),
    });
    const r = store.get('github.com/octocat');
    await settle();
    await clock.runUntil(3_001, settle);
    await expect(r).resolves.toBe('github_pat_FAKE_slow');
    expect(clock.pending()).toEqual([]);
  });

  it('has a default read timeout', () => {
    expect(READ_TIMEOUT_MS).toBeGreaterThanOrEqual(5_000);
    expect(READ_TIMEOUT_MS).toBeLessThanOrEqual(15_000);
  });
});
