import { afterAll, beforeAll, expect, it } from 'vitest';
import { keychainSource } from '../../../main/core/credentials/keychain';
import { createKeychainStore } from '../../../main/secrets/keychain';
import {
  secretServiceSupport,
  startSecretService,
  type SecretServiceHandle,
} from '../../helpers/secret-service';
import { describeIfAvailable } from '../../helpers/skip';

const support = secretServiceSupport();

describeIfAvailable(
  'secret-service',
  support.available,
  support.why,
)('keychain credential source (real Secret Service)', () => {
  let ss: SecretServiceHandle | null = null;
  const store = createKeychainStore();

  beforeAll(async () => {
    ss = await startSecretService();
    if (!ss) throw new Error('Secret Service tools vanished between the check and the start');
  });
  afterAll(async () => {
    await ss?.stop();
  });

  it('finds the PATs the app stored, with login and host from the account key', async () => {
    await store.set('github.com/OctoCat', 'github_pat_11AAAA_keychainsource_0001');
    await store.set('acme.ghe.com/bob', 'ghp_keychainsource_classic_0002');
    const r = await keychainSource(store).find();
    expect(r.problems).toEqual([]);
    const byLogin = Object.fromEntries(r.credentials.map((c) => [c.login, c]));
    expect(byLogin.OctoCat).toMatchObject({ kind: 'pat', host: 'github.com', source: 'keychain' });
    expect(byLogin.OctoCat?.token).toBe('github_pat_11AAAA_keychainsource_0001');
    expect(byLogin.bob).toMatchObject({ host: 'acme.ghe.com', origin: 'keychain: acme.ghe.com/bob' });
  });
});
