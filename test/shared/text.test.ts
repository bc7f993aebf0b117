/**
 * Issue 12 items 7–9: outside text on its way to a face (shared/text.ts), the token-text check (shared/tokens.ts),
 * and the tray's tooltip and menu built from a hostile reading.
 */
import { describe, expect, it } from 'vitest';
import { trayView, type MenuItemModel, type TrayState } from '../../main/core/tray-model';
import { createTranslator } from '../../shared/i18n';
import { escapeMarkup, isGitHubLogin, safeSnapshot, safeText, terminalJson } from '../../shared/text';
import { tokenTextProblem } from '../../shared/tokens';
import { snapshotAt } from '../core/scheduler-fixtures';
import { TRAY_SETTINGS, trayStateOf } from '../helpers/tray-state';

const ESC = '\u001b';
const HOSTILE = [
  `${ESC}[2J${ESC}[H`,
  `${ESC}]0;title\u0007`,
  `${ESC}]52;c;ZXZpbA==\u0007`,
  '\u009b31m',
  'a\nAccount: forged',
  'a\r\nb',
  '\u202egpj.exe',
  '\u2066iso\u2069',
  'zero\u200bwidth',
];

describe('safeText', () => {
  it.each(HOSTILE)('leaves no control, bidi or zero-width character in %j', (text) => {
    const out = safeText(`model ${text} end`);
    expect(out).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069]/);
    expect(out.startsWith('model ')).toBe(true);
    expect(out.endsWith(' end')).toBe(true);
  });

  it('blanks token-shaped text, cuts long text and keeps ordinary names as they are', () => {
    expect(safeText('x github_pat_FAKE0000000000000000000_abc y')).toBe('x [token] y');
    expect(safeText('a'.repeat(1000))).toHaveLength(200);
    expect(safeText('Claude Sonnet 4.5 (préversion) 模型')).toBe('Claude Sonnet 4.5 (préversion) 模型');
  });

  it('safeSnapshot cleans the login and model names and returns the same object when nothing needs it', () => {
    const clean = snapshotAt(Date.UTC(2026, 10, 29), 30, { models: [{ model: 'GPT-5', used: 3 }] });
    expect(safeSnapshot(clean)).toBe(clean);
    const dirty = { ...clean, account: { ...clean.account, login: `octo\n${ESC}[2Jcat` } };
    dirty.models = [{ model: `\u202eevil${ESC}]0;x\u0007`, used: 3 }];
    const out = safeSnapshot(dirty);
    expect(out.account.login).toBe('octo [2Jcat');
    expect(out.models[0]!.model).toBe('evil ]0;x');
  });
});

describe('escapeMarkup and terminalJson', () => {
  it('escapes what Pango reads as markup', () => {
    expect(escapeMarkup('<span color="red">a & b</span>')).toBe(
      '&lt;span color="red"&gt;a &amp; b&lt;/span&gt;',
    );
  });

  it('writes C1 controls and bidi overrides as \\u escapes, keeping the same data', () => {
    const value = { model: '\u009b2J\u202eabc\u2028' };
    const text = terminalJson(value, 2);
    expect(text).not.toMatch(/[\u009b\u202e\u2028]/);
    expect(JSON.parse(text)).toEqual(value);
  });
});

describe('isGitHubLogin', () => {
  it('accepts GitHub logins, old hyphen forms and EMU suffixes', () => {
    for (const ok of ['octocat', 'JohnDoe', 'a', 'mona-lisa', 'old--name-', 'user_acme', 'a'.repeat(39)])
      expect(isGitHubLogin(ok), ok).toBe(true);
  });
  it('refuses anything else: separators, controls, tokens, too long', () => {
    for (const bad of [
      '',
      '-lead',
      'a/b',
      'a b',
      'octo\ncat',
      `octo${ESC}cat`,
      'a'.repeat(40),
      'ghp_FAKE000000000000000000000000unknown',
      'github_pat_FAKE0000000000000000000_x',
      '__proto__',
    ])
      expect(isGitHubLogin(bad), JSON.stringify(bad)).toBe(false);
  });
});

describe('tokenTextProblem', () => {
  it('names what is wrong with a token before anything is sent', () => {
    expect(tokenTextProblem('github_pat_FAKE_ok')).toBeNull();
    expect(tokenTextProblem('  ')).toBe('empty');
    expect(tokenTextProblem('ghp_a b')).toBe('whitespace');
    expect(tokenTextProblem('ghp_a\u200bb')).toBe('characters');
    expect(tokenTextProblem('ghp_😀')).toBe('characters');
    expect(tokenTextProblem('ghp_\u0001')).toBe('characters');
    expect(tokenTextProblem('x'.repeat(513))).toBe('too-long');
    expect(tokenTextProblem('x'.repeat(512))).toBeNull();
  });
});

describe('the tray faces a hostile reading', () => {
  const NOW = Date.UTC(2026, 10, 29, 12);
  const snapshot = snapshotAt(NOW - 60_000, 30, {
    account: { login: `octo${ESC}]0;pwned\u0007\ncat`, host: 'github.com' },
    models: [{ model: `\u202eevil${ESC}[2J`, used: 3 }],
  });
  const state: TrayState = trayStateOf(snapshot, NOW, {
    settings: {
      ...TRAY_SETTINGS,
      notifications: { thresholds: true, accessBroken: true, periodReset: false, forecast: false },
      launchAtLogin: true,
    },
  });
  const labels = (items: MenuItemModel[]): string[] =>
    items.flatMap((i) => [i.label ?? '', ...(i.submenu ? labels(i.submenu) : [])]);

  it('shows no control or bidi character in the tooltip or the menu', () => {
    const v = trayView(state, createTranslator('en'), NOW, { timeZone: 'UTC' });
    for (const text of [v.tooltip, v.compactTooltip, ...labels(v.menu)]) {
      expect(text).not.toMatch(/[\u001b\u0007\u202e]/);
    }
    expect(v.tooltip).toContain('octo ]0;pwned cat');
  });
});
