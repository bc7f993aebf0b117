import { describe, expect, it } from 'vitest';
import { createTranslator, describeError, pickLanguage } from '../../shared/i18n';

describe('language selection', () => {
  it('takes the first supported language from LANG-style strings', () => {
    expect(pickLanguage([undefined, 'zh_CN.UTF-8', 'fr_FR'])).toBe('zh');
    expect(pickLanguage(['fr-FR'])).toBe('fr');
  });
  it('skips C/POSIX and unsupported locales and falls back to English', () => {
    expect(pickLanguage(['C', 'POSIX', 'de_DE.UTF-8'])).toBe('en');
    expect(pickLanguage(['C.UTF-8', 'fr_CA'])).toBe('fr');
    expect(pickLanguage([])).toBe('en');
  });
});

describe('translation', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    const t = createTranslator('en');
    expect(t.t('error.server', { status: 502 })).toContain('HTTP 502');
    expect(t.t('error.server')).toContain('{status}');
  });
  it('says what to do about a missing permission in every language', () => {
    for (const lang of ['en', 'zh', 'fr'] as const) {
      const msg = describeError(
        { kind: 'auth', reason: 'missingPermission', permission: 'Plan' },
        createTranslator(lang),
      );
      expect(msg).toContain('Plan');
      expect(msg).toContain('Read-only');
    }
  });
  it('formats numbers with the locale grouping', () => {
    expect(createTranslator('en').num(20000)).toBe('20,000');
    expect(createTranslator('fr').num(1500.5, 1)).toMatch(/1\s500,5/);
  });
});

describe('token problems', () => {
  it('are explained in the user’s language, not in the English detail', () => {
    const info = {
      kind: 'config',
      reason: 'badInput',
      token: 'oauth-token',
      detail: 'english detail',
    } as const;
    expect(describeError(info, createTranslator('en'))).toContain('OAuth token (gho_…)');
    expect(describeError(info, createTranslator('zh'))).toContain('OAuth 令牌');
    expect(describeError(info, createTranslator('fr'))).toContain('jeton OAuth');
    expect(describeError(info, createTranslator('fr'))).not.toContain('english detail');
  });
});
