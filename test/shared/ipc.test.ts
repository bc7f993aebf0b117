import { describe, expect, it } from 'vitest';
import {
  CHANNELS,
  EXTERNAL_TARGETS,
  MAX_ADDRESS_LENGTH,
  MAX_TOKEN_LENGTH,
  methodOf,
  tokenShape,
  validateRequest,
  validators,
  type Channel,
} from '../../shared/ipc';

const TOKEN = 'github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz';

const refused = (channel: unknown, arg: unknown) => {
  const r = validateRequest(channel, arg);
  expect(r.ok).toBe(false);
  if (!r.ok) expect(r.error).toMatchObject({ kind: 'config', reason: 'badInput' });
};

describe('the IPC contract', () => {
  it('has one validator per channel and a distinct bridge method name for each', () => {
    expect(Object.keys(validators).sort()).toEqual([...CHANNELS].sort());
    const methods = CHANNELS.map(methodOf);
    expect(new Set(methods).size).toBe(CHANNELS.length);
    expect(methods).toContain('checkToken');
  });

  it('refuses unknown channels, including prototype names and non-strings', () => {
    for (const c of [
      'setup:unknown',
      'getState',
      '__proto__',
      'constructor',
      'toString',
      42,
      null,
      undefined,
    ]) {
      refused(c, undefined);
    }
  });

  it('accepts argument-less calls only without an argument', () => {
    for (const c of [
      'setup:getState',
      'setup:importLegacy',
      'setup:deleteLegacy',
      'setup:close',
    ] as Channel[]) {
      expect(validateRequest(c, undefined).ok).toBe(true);
      refused(c, { token: TOKEN });
      refused(c, 'x');
    }
  });
});

describe('checkToken validation', () => {
  it('accepts a pasted token and trims the whitespace around it', () => {
    const r = validateRequest('setup:checkToken', { token: `  ${TOKEN}\n` });
    expect(r).toEqual({ ok: true, value: { channel: 'setup:checkToken', req: { token: TOKEN } } });
  });

  it('refuses wrong types, empty, oversize and non-token characters', () => {
    refused('setup:checkToken', undefined);
    refused('setup:checkToken', TOKEN);
    refused('setup:checkToken', [TOKEN]);
    refused('setup:checkToken', { token: 123 });
    refused('setup:checkToken', { token: '   ' });
    refused('setup:checkToken', { token: 'x'.repeat(MAX_TOKEN_LENGTH + 1) });
    refused('setup:checkToken', { token: 'x'.repeat(10_000_000) });
    refused('setup:checkToken', { token: 'github_pat_abc def' });
    refused('setup:checkToken', { token: 'github_pat_abc\u0000' });
    refused('setup:checkToken', { token: 'github_pat_ünïcode' });
  });

  it('accepts exactly the maximum length', () => {
    expect(validateRequest('setup:checkToken', { token: 'a'.repeat(MAX_TOKEN_LENGTH) }).ok).toBe(true);
  });

  it('refuses extra fields so nothing unexpected reaches the service', () => {
    refused('setup:checkToken', { token: TOKEN, apiUrl: 'https://evil.example' });
  });

  it('never echoes the rejected token in the error', () => {
    const r = validateRequest('setup:checkToken', { token: `${TOKEN} tail` });
    expect(JSON.stringify(r)).not.toContain(TOKEN);
  });
});

describe('save validation', () => {
  it('accepts a plan, a custom allowance, or both null, with an optional token', () => {
    expect(validateRequest('setup:save', { plan: 'pro+', allowance: null }).ok).toBe(true);
    expect(validateRequest('setup:save', { plan: null, allowance: 1234.5 }).ok).toBe(true);
    expect(validateRequest('setup:save', { plan: 'max', allowance: null, token: TOKEN }).ok).toBe(true);
    expect(validateRequest('setup:save', {}).ok).toBe(true);
  });

  it('accepts allowances from 1 to 10,000,000 and refuses anything below 1, as its message says', () => {
    expect(validateRequest('setup:save', { plan: null, allowance: 1 }).ok).toBe(true);
    expect(validateRequest('setup:save', { plan: null, allowance: 10_000_000 }).ok).toBe(true);
    refused('setup:save', { plan: null, allowance: 1e-9 });
    refused('setup:save', { plan: null, allowance: 0.5 });
    refused('setup:save', { plan: null, allowance: 10_000_000.5 });
    const r = validateRequest('setup:save', { plan: null, allowance: 0.99 });
    expect(!r.ok && r.error.detail).toBe('allowance must be between 1 and 10000000');
  });

  it('refuses unknown plans, non-numbers, zero, negative, infinite and huge allowances', () => {
    refused('setup:save', { plan: 'platinum', allowance: null });
    refused('setup:save', { plan: 'PRO', allowance: null });
    refused('setup:save', { plan: null, allowance: '300' });
    refused('setup:save', { plan: null, allowance: 0 });
    refused('setup:save', { plan: null, allowance: -5 });
    refused('setup:save', { plan: null, allowance: Number.POSITIVE_INFINITY });
    refused('setup:save', { plan: null, allowance: Number.NaN });
    refused('setup:save', { plan: null, allowance: 1e12 });
    refused('setup:save', { plan: null, allowance: null, token: 'bad token' });
    refused('setup:save', null);
  });

  it('accepts sessionOnly as true or false (false is dropped) and refuses anything else', () => {
    expect(validateRequest('setup:save', { plan: 'pro', allowance: null, sessionOnly: true })).toEqual({
      ok: true,
      value: { channel: 'setup:save', req: { plan: 'pro', allowance: null, sessionOnly: true } },
    });
    expect(validateRequest('setup:save', { plan: 'pro', allowance: null, sessionOnly: false })).toEqual({
      ok: true,
      value: { channel: 'setup:save', req: { plan: 'pro', allowance: null } },
    });
    refused('setup:save', { plan: 'pro', allowance: null, sessionOnly: 'true' });
    refused('setup:save', { plan: 'pro', allowance: null, sessionOnly: 1 });
    refused('setup:save', { plan: 'pro', allowance: null, sessionOnly: null });
  });
});

describe('the other channels', () => {
  it('accepts only known credential sources for useFound', () => {
    expect(validateRequest('setup:useFound', { source: 'opencode' }).ok).toBe(true);
    refused('setup:useFound', { source: 'somewhere' });
    refused('setup:useFound', { source: { toString: () => 'opencode' } });
  });

  it('accepts only host/login keys of sane length for removeToken', () => {
    expect(validateRequest('setup:removeToken', { key: 'github.com/octocat' }).ok).toBe(true);
    refused('setup:removeToken', { key: 'octocat' });
    refused('setup:removeToken', { key: '' });
    refused('setup:removeToken', { key: `github.com/${'a'.repeat(400)}` });
  });

  it('accepts the three languages or null (follow the OS) for setLanguage', () => {
    for (const language of ['en', 'zh', 'fr', null]) {
      expect(validateRequest('setup:setLanguage', { language }).ok).toBe(true);
    }
    refused('setup:setLanguage', { language: 'de' });
    refused('setup:setLanguage', {});
  });

  it('accepts link target ids, never URLs, for openExternal', () => {
    for (const target of EXTERNAL_TARGETS)
      expect(validateRequest('setup:openExternal', { target }).ok).toBe(true);
    refused('setup:openExternal', { target: 'https://github.com/settings/billing' });
    refused('setup:openExternal', { target: 'javascript:alert(1)' });
    refused('setup:openExternal', { url: 'https://github.com' });
  });
});

describe('tokenShape', () => {
  it('tells fine-grained, classic, OAuth and unknown tokens apart by prefix', () => {
    expect(tokenShape(TOKEN)).toBe('fine-grained');
    expect(tokenShape(' ghp_abc')).toBe('classic');
    expect(tokenShape('gho_abc')).toBe('oauth');
    expect(tokenShape('ghu_abc')).toBe('oauth');
    expect(tokenShape('abc')).toBe('unknown');
  });
});

describe('setServer validation', () => {
  it('accepts what people type as their GitHub address, trimmed, and leaves normalising to main', () => {
    for (const address of [
      'github.com',
      'acme.ghe.com',
      'https://github.acme-corp.com',
      'http://example.com',
      '',
    ]) {
      expect(validateRequest('setup:setServer', { address: ` ${address}\n` })).toEqual({
        ok: true,
        value: { channel: 'setup:setServer', req: { address } },
      });
    }
    expect(validateRequest('setup:setServer', { address: 'a'.repeat(MAX_ADDRESS_LENGTH) }).ok).toBe(true);
  });

  it('refuses wrong types, stray fields, oversize addresses, spaces and control characters', () => {
    refused('setup:setServer', undefined);
    refused('setup:setServer', 'acme.ghe.com');
    refused('setup:setServer', ['acme.ghe.com']);
    refused('setup:setServer', { address: 42 });
    refused('setup:setServer', { address: null });
    refused('setup:setServer', { address: 'acme.ghe.com', apiUrl: 'https://evil.example' });
    refused('setup:setServer', { address: 'a'.repeat(MAX_ADDRESS_LENGTH + 1) });
    refused('setup:setServer', { address: 'a'.repeat(10_000_000) });
    refused('setup:setServer', { address: 'acme .ghe.com' });
    refused('setup:setServer', { address: 'acme.ghe.com\u0000' });
    refused('setup:setServer', { address: 'https://acme.ghe.com/\r\nX-Evil: 1' });
  });
});
