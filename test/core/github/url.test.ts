import { describe, expect, it } from 'vitest';
import { errorInfo } from '../../../shared/errors';
import { DEFAULT_API_URL, isLoopbackHost, normalizeApiUrl, webHost } from '../../../main/core/github/url';

describe('normalizeApiUrl', () => {
  it.each([
    [undefined, 'https://api.github.com'],
    ['', 'https://api.github.com'],
    ['   ', 'https://api.github.com'],
    ['https://api.github.com', 'https://api.github.com'],
    ['https://api.github.com/', 'https://api.github.com'],
    ['api.github.com', 'https://api.github.com'],
    ['github.com', 'https://api.github.com'],
    ['https://github.com/', 'https://api.github.com'],
    ['HTTPS://API.GITHUB.COM', 'https://api.github.com'],
    ['acme.ghe.com', 'https://api.acme.ghe.com'],
    ['https://acme.ghe.com/', 'https://api.acme.ghe.com'],
    ['https://api.acme.ghe.com', 'https://api.acme.ghe.com'],
    ['https://api.acme.ghe.com/', 'https://api.acme.ghe.com'],
    ['ghes.corp', 'https://ghes.corp/api/v3'],
    ['https://ghes.corp/', 'https://ghes.corp/api/v3'],
    ['https://ghes.corp/api/v3', 'https://ghes.corp/api/v3'],
    ['https://ghes.corp/api/v3/', 'https://ghes.corp/api/v3'],
    ['https://ghes.corp/api', 'https://ghes.corp/api/v3'],
    ['https://ghes.corp:8443/api/v3/user', 'https://ghes.corp:8443/api/v3'],
    ['http://127.0.0.1:8080', 'http://127.0.0.1:8080'],
    ['http://127.0.0.1:8080/', 'http://127.0.0.1:8080'],
    ['http://127.1.2.3:9', 'http://127.1.2.3:9'],
    ['http://localhost:3000', 'http://localhost:3000'],
    ['http://[::1]:3000', 'http://[::1]:3000'],
    ['https://127.0.0.1:8443/prefix', 'https://127.0.0.1:8443/prefix'],
  ])('turns %j into %s', (input, expected) => {
    expect(normalizeApiUrl(input)).toBe(expected);
  });

  it.each(['http://api.github.com', 'http://ghes.corp/api/v3', 'http://10.0.0.5:8080', 'http://128.0.0.1'])(
    'refuses plain http to %s, a host that is not loopback',
    (input) => {
      let thrown: unknown;
      try {
        normalizeApiUrl(input);
      } catch (e) {
        thrown = e;
      }
      expect(errorInfo(thrown)).toMatchObject({ kind: 'config', reason: 'insecureUrl' });
    },
  );

  it.each(['ftp://ghes.corp', 'https://user:pass@ghes.corp', 'https://exa mple.com', 'file:///etc/passwd'])(
    'rejects %s as bad input',
    (input) => {
      expect(() => normalizeApiUrl(input)).toThrowError(/config/);
      try {
        normalizeApiUrl(input);
      } catch (e) {
        expect(errorInfo(e)).toMatchObject({ kind: 'config', reason: 'badInput' });
      }
    },
  );

  it('names the refused host in the insecureUrl detail so the message can show it', () => {
    try {
      normalizeApiUrl('http://ghes.corp:8080');
      expect.unreachable();
    } catch (e) {
      expect(errorInfo(e)).toMatchObject({ detail: 'ghes.corp:8080' });
    }
  });
});

describe('webHost', () => {
  it.each([
    [DEFAULT_API_URL, 'github.com'],
    ['https://api.acme.ghe.com', 'acme.ghe.com'],
    ['https://ghes.corp/api/v3', 'ghes.corp'],
    ['https://ghes.corp:8443/api/v3', 'ghes.corp:8443'],
    ['http://127.0.0.1:4321', '127.0.0.1:4321'],
    ['http://[::1]:4321', '[::1]:4321'],
  ])('maps %s to the web host %s', (api, host) => {
    expect(webHost(api)).toBe(host);
  });
});

describe('isLoopbackHost', () => {
  it('accepts 127.0.0.0/8, localhost and ::1 and nothing else', () => {
    expect(['127.0.0.1', '127.255.0.9', 'localhost', '[::1]', '::1'].map(isLoopbackHost)).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(
      ['128.0.0.1', '10.0.0.1', 'localhost.evil.com', '127.0.0.1.nip.io', '::2', 'app.localhost'].map(
        isLoopbackHost,
      ),
    ).toEqual([false, false, false, false, false, false]);
  });
});

describe('a token pasted as an address', () => {
  it('is refused without being echoed back', () => {
    const token = 'ghp_FAKEpastedIntoTheWrongField0001';
    let detail = '';
    try {
      normalizeApiUrl(token);
    } catch (e) {
      detail = JSON.stringify(e);
    }
    expect(detail).toContain('looks like a token');
    expect(detail).not.toContain('FAKEpasted');
  });
});
