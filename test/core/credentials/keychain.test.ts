import { expect, it } from 'vitest';
import { keychainSource } from '../../../main/core/credentials/keychain';
import { createKeychainStore } from '../../../main/secrets/keychain';
import { describeWithSecretService } from '../../helpers/secret-service';

describeWithSecretService('keychain credential source (real Secret Service)', () => {
  const store = createKeychainStore();

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
