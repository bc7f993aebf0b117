import { describe, expect, it } from 'vitest';
import type { ErrorInfo } from '../../shared/errors';
import { createTranslator, describeError, LANGS } from '../../shared/i18n';
import { cliTranslator } from '../../main/cli/words';

/** The wizard's and the tray's words, which mean nothing in a terminal. */
const NOT_CLI: Record<string, RegExp> = {
  en: /setup|for this session only|the app will/i,
  zh: /在设置中|运行设置|仅在本次会话|应用将/,
  fr: /configuration|cette session seulement|nouvel essai/i,
};

const errors: ErrorInfo[] = [
  { kind: 'auth', reason: 'expired' },
  { kind: 'auth', reason: 'revoked' },
  { kind: 'keychain', reason: 'unavailable' },
  { kind: 'config', reason: 'noCredential' },
  { kind: 'rateLimit', retryAt: '2026-11-29T18:00:00Z' },
  { kind: 'rateLimit', retryAt: null },
  { kind: 'notFound', reason: 'user', login: 'octocat' },
];

describe('the CLI’s words for shared errors', () => {
  it.each([...LANGS])('never sends a terminal user to setup or promises a retry (%s)', (lang) => {
    const tr = cliTranslator(lang);
    for (const e of errors) {
      const text = describeError(e, tr);
      expect(text, JSON.stringify(e)).not.toMatch(NOT_CLI[lang]!);
      expect(text).not.toBe(describeError(e, createTranslator(lang)));
    }
  });

  it('without a keychain points to COPILOT_METER_TOKEN in every language', () => {
    for (const lang of LANGS) {
      expect(describeError({ kind: 'keychain', reason: 'unavailable' }, cliTranslator(lang))).toContain(
        'COPILOT_METER_TOKEN',
      );
    }
  });

  it('leaves the tray’s and the wizard’s words as they are', () => {
    expect(describeError({ kind: 'auth', reason: 'expired' }, createTranslator('en'))).toContain('setup');
  });
});

describe('network errors name the address and the cause', () => {
  const en = createTranslator('en');
  it.each([
    ['ENOTFOUND', 'the name foo was not found'],
    ['EAI_AGAIN', 'the name foo was not found'],
    ['ECONNREFUSED', 'the connection was refused'],
    ['EPROTO', 'the secure (https) connection failed'],
    ['ERR_SSL_WRONG_VERSION_NUMBER', 'the secure (https) connection failed'],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'its certificate is not trusted (DEPTH_ZERO_SELF_SIGNED_CERT)'],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'its certificate is not trusted'],
    ['CERT_HAS_EXPIRED', 'its certificate is not trusted (CERT_HAS_EXPIRED)'],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'its certificate is not trusted'],
    ['ECONNRESET', 'the server closed the connection'],
    ['ENETUNREACH', 'the network or host is unreachable (ENETUNREACH)'],
    ['UND_ERR_SOMETHING', 'UND_ERR_SOMETHING; check your connection or proxy'],
  ])('%s', (code, cause) => {
    const text = describeError({ kind: 'network', detail: code, address: 'foo:8443' }, en);
    expect(text).toContain('Cannot reach foo:8443: ');
    expect(text).toContain(cause);
  });

  it('names the address that did not answer in time', () => {
    expect(describeError({ kind: 'timeout', timeoutMs: 10_000, address: 'ghes.example:8443' }, en)).toBe(
      'ghes.example:8443 did not answer within 10 s. Check the address, or try again in a few minutes.',
    );
  });

  it('keeps the general message when the address is not known', () => {
    expect(describeError({ kind: 'network' }, en)).toBe(
      'Cannot reach GitHub. Check your connection or proxy.',
    );
  });
});
