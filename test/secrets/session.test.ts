import { describe, expect, it } from 'vitest';
import { errorInfo } from '../../shared/errors';
import { createKeychainStore } from '../../main/secrets/keychain';
import { createMemoryStore } from '../../main/secrets/memory';
import { createSessionFallbackStore, hasSessionLayer } from '../../main/secrets/session';
import { switchableKeychain } from '../helpers/switchable-keychain';

const A = 'github.com/octocat';
const B = 'github.com/hubot';

/** The real keychain store whose native module cannot be reached (no Secret Service on the bus). */
const brokenKeychain = () =>
  createKeychainStore({
    load: () => Promise.reject(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY')),
  });

describe('session fallback store over a working keychain (memory twin)', () => {
  it('writes set() to the keychain, not to the session layer', async () => {
    const keychain = createMemoryStore();
    const store = createSessionFallbackStore(keychain);
    await store.set(A, 'tok-a');
    expect(await keychain.get(A)).toBe('tok-a');
    expect(await store.isSessionOnly(A)).toBe(false);
    expect(await store.get(A)).toBe('tok-a');
    expect(store.kind).toBe('keychain');
    expect(hasSessionLayer(store)).toBe(true);
    expect(hasSessionLayer(keychain)).toBe(false);
  });

  it('keeps a session-only secret in memory only and prefers it on get', async () => {
    const keychain = createMemoryStore({ [A]: 'old-in-keychain' });
    const store = createSessionFallbackStore(keychain);
    await store.setSessionOnly(A, 'session-a');
    expect(await store.get(A)).toBe('session-a');
    expect(await keychain.get(A)).toBe('old-in-keychain');
    expect(await store.isSessionOnly(A)).toBe(true);
  });

  it('lists both layers merged, sorted and without duplicates', async () => {
    const keychain = createMemoryStore({ [A]: 'k-a' });
    const store = createSessionFallbackStore(keychain);
    await store.setSessionOnly(B, 's-b');
    await store.setSessionOnly(A, 's-a');
    expect(await store.list()).toEqual([B, A].sort());
    expect(store.kind).toBe('keychain');
  });

  it('drops the session copy once the keychain accepts the same account', async () => {
    const keychain = createMemoryStore();
    const store = createSessionFallbackStore(keychain);
    await store.setSessionOnly(A, 'session-a');
    await store.set(A, 'keychain-a');
    expect(await store.isSessionOnly(A)).toBe(false);
    expect(await store.get(A)).toBe('keychain-a');
  });

  it('deletes from both layers', async () => {
    const keychain = createMemoryStore({ [A]: 'k-a' });
    const store = createSessionFallbackStore(keychain);
    await store.setSessionOnly(A, 's-a');
    expect(await store.delete(A)).toBe(true);
    expect(await store.get(A)).toBeNull();
    expect(await keychain.list()).toEqual([]);
    expect(await store.delete(A)).toBe(false);
  });
});

describe('session fallback store over a failing keychain', () => {
  it('passes the typed keychain error through set(), and stores nothing', async () => {
    const store = createSessionFallbackStore(brokenKeychain());
    const e = await store.set(A, 'tok').catch((x: unknown) => x);
    expect(errorInfo(e)).toMatchObject({ kind: 'keychain', reason: 'unavailable' });
    expect(await store.isSessionOnly(A)).toBe(false);
  });

  it('throws the keychain error from list() and get() while the session holds nothing', async () => {
    const store = createSessionFallbackStore(brokenKeychain());
    expect(errorInfo(await store.list().catch((x: unknown) => x))).toMatchObject({ kind: 'keychain' });
    expect(errorInfo(await store.get(A).catch((x: unknown) => x))).toMatchObject({ kind: 'keychain' });
    expect(store.kind).toBe('keychain');
  });

  it('still lists and reads session entries: a keychain error does not hide them', async () => {
    const store = createSessionFallbackStore(brokenKeychain());
    await store.setSessionOnly(A, 'session-a');
    expect(await store.list()).toEqual([A]);
    expect(await store.get(A)).toBe('session-a');
    // A key only the keychain could hold still reports the keychain problem.
    expect(errorInfo(await store.get(B).catch((x: unknown) => x))).toMatchObject({ kind: 'keychain' });
  });

  it('says "memory" while only session entries exist, and "keychain" again once the keychain answers', async () => {
    const { state, store: keychain } = switchableKeychain();
    const store = createSessionFallbackStore(keychain);
    expect(store.kind).toBe('keychain');
    await expect(store.set(A, 'tok')).rejects.toThrow();
    await store.setSessionOnly(A, 'tok');
    expect(store.kind).toBe('memory');
    state.broken = false;
    await store.set(B, 'tok-b');
    expect(store.kind).toBe('keychain');
    expect(state.entries.get(B)).toBe('tok-b');
    expect(await store.list()).toEqual([B, A].sort());
  });

  it('removes a session entry even when the keychain cannot be reached, and reports a miss as the error', async () => {
    const store = createSessionFallbackStore(brokenKeychain());
    await store.setSessionOnly(A, 'session-a');
    expect(await store.delete(A)).toBe(true);
    expect(await store.isSessionOnly(A)).toBe(false);
    expect(errorInfo(await store.delete(A).catch((x: unknown) => x))).toMatchObject({ kind: 'keychain' });
    expect(store.kind).toBe('keychain');
  });
});
