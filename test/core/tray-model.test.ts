import { describe, expect, it } from 'vitest';
import {
  billingUrl,
  fitTooltip,
  levelFor,
  problemLine,
  trayView,
  WIN_TOOLTIP_MAX,
  type MenuItemModel,
  type TrayState,
} from '../../main/core/tray-model';
import type { ErrorInfo } from '../../shared/errors';
import { createTranslator } from '../../shared/i18n';
import { snapshotAt } from './scheduler-fixtures';
import { TRAY_SETTINGS } from '../helpers/tray-state';

const NOW = Date.UTC(2026, 5, 10, 14, 5);
const en = createTranslator('en');
const opts = { timeZone: 'UTC' };
const settings: TrayState['settings'] = {
  ...TRAY_SETTINGS,
  notifications: { ...TRAY_SETTINGS.notifications, periodReset: false },
  launchAtLogin: true,
};
const fresh = snapshotAt(NOW - 60_000, 30, {
  models: [
    { model: 'Claude Sonnet 4.5', used: 50 },
    { model: 'GPT-5', used: 30 },
    { model: 'Gemini 2.5 Pro', used: 8 },
    { model: 'o3', used: 2 },
  ],
});
const base: TrayState = {
  snapshot: fresh,
  error: null,
  lastAttemptAt: NOW - 60_000,
  refreshing: false,
  configured: true,
  settings,
};
const find = (items: MenuItemModel[], id: string): MenuItemModel | undefined => {
  for (const i of items) {
    if (i.id === id) return i;
    const sub = i.submenu && find(i.submenu, id);
    if (sub) return sub;
  }
  return undefined;
};

describe('icon level', () => {
  const flags = { stale: false, error: false, configured: true };
  it('follows the thresholds: below, at the lowest, at the highest below 100, at or over 100', () => {
    const lv = (p: number) => levelFor({ percentUsed: p, unlimited: false }, [75, 90, 100], flags);
    expect([lv(10), lv(74.9), lv(75), lv(89), lv(90), lv(99.9), lv(100), lv(130)]).toEqual([
      'normal',
      'normal',
      'warning',
      'warning',
      'critical',
      'critical',
      'over',
      'over',
    ]);
  });
  it('puts not set up before broken access before an old number', () => {
    const s = { percentUsed: 95, unlimited: false };
    expect(levelFor(s, [75, 90], { stale: true, error: true, configured: false })).toBe('unconfigured');
    expect(levelFor(s, [75, 90], { stale: true, error: true, configured: true })).toBe('error');
    expect(levelFor(s, [75, 90], { stale: true, error: false, configured: true })).toBe('stale');
  });
  it('treats unlimited plans as normal', () => {
    expect(levelFor({ percentUsed: null, unlimited: true }, [75], flags)).toBe('normal');
  });
});

describe('tray tooltip', () => {
  it('rounds the share used and the share left down, like every other face', () => {
    for (const [percent, label, line] of [
      [0.0625, '0', '0 % used · 99 % left'],
      [0.8, '0', '0 % used · 99 % left'],
      [99.6, '99', '99 % used · 0 % left'],
    ] as const) {
      const v = trayView({ ...base, snapshot: snapshotAt(NOW - 60_000, percent) }, en, NOW, opts);
      expect(v.iconLabel).toBe(label);
      expect(v.title).toBe(`${label} %`);
      expect(v.tooltip).toContain(line);
    }
  });

  it('says account, plan, used of allowance, percent used and left, reset and update time', () => {
    const v = trayView(base, en, NOW, opts);
    expect(v.iconLabel).toBe('30');
    expect(v.level).toBe('normal');
    expect(v.title).toBe('30 %');
    expect(v.tooltip).toBe(
      [
        'Copilot Meter · @octocat · Copilot Pro',
        '90 / 300 premium requests used',
        '30 % used · 70 % left',
        'Resets Jul 1',
        'Updated 02:04 PM',
      ].join('\n'),
    );
  });

  it('names the problem in one line and marks the old number stale', () => {
    const v = trayView(
      { ...base, error: { kind: 'network', detail: 'ENOTFOUND' }, lastAttemptAt: NOW },
      en,
      NOW + 2 * 3_600_000,
      opts,
    );
    expect(v.level).toBe('stale');
    expect(v.iconLabel).toBe('30');
    expect(v.tooltip).toContain('Cannot reach GitHub — showing the last reading');
    expect(v.tooltip).toContain('Last reading is 2 h old');
  });

  it.each(['en', 'zh', 'fr'] as const)(
    'offline with no reading yet (%s): does not claim to show a last reading beside "Not updated yet"',
    (lang) => {
      const tr = createTranslator(lang);
      const v = trayView(
        { ...base, snapshot: null, error: { kind: 'network', detail: 'ENOTFOUND' }, lastAttemptAt: NOW },
        tr,
        NOW,
        opts,
      );
      expect(v.tooltip).toContain(tr.t('tray.updated.never'));
      expect(v.tooltip).not.toContain(tr.t('tray.problem.offline'));
      expect(v.tooltip).toContain(tr.t('tray.problem.offline.noReading'));
      expect(v.compactTooltip).not.toContain(tr.t('tray.problem.offline'));
      if (lang === 'en')
        expect(v.tooltip).toBe('Copilot Meter\nCannot reach GitHub — retrying\nNot updated yet');
    },
  );

  it('shows "!" and "Token expired — open setup" when the token expired', () => {
    const v = trayView({ ...base, error: { kind: 'auth', reason: 'expired', status: 401 } }, en, NOW, opts);
    expect(v.level).toBe('error');
    expect(v.iconLabel).toBe('!');
    expect(v.title).toBe('');
    expect(v.tooltip).toContain('Token expired — open setup');
    expect(find(v.menu, 'problem')).toMatchObject({ action: { type: 'openSetup' } });
  });

  it('asks to be set up when there is no credential', () => {
    const v = trayView({ ...base, snapshot: null, configured: false, lastAttemptAt: null }, en, NOW, opts);
    expect(v).toMatchObject({ iconLabel: '?', level: 'unconfigured' });
    expect(v.tooltip).toBe('Copilot Meter\nNot set up yet — open setup\nNot updated yet');
    expect(find(v.menu, 'refresh')?.enabled).toBe(false);
  });

  it('says "unlimited" and shows ∞ for unlimited plans', () => {
    const s = snapshotAt(NOW, 0, {
      unlimited: true,
      allowance: null,
      percentUsed: null,
      remaining: null,
      used: 12,
    });
    const v = trayView({ ...base, snapshot: s }, en, NOW, opts);
    expect(v.iconLabel).toBe('∞');
    expect(v.tooltip).toContain('12 premium requests used · unlimited');
  });

  it('marks a reading from last month stale', () => {
    const old = snapshotAt(Date.UTC(2026, 4, 31, 23, 58), 99);
    const v = trayView({ ...base, snapshot: old }, en, Date.UTC(2026, 5, 1, 0, 1), opts);
    expect(v.level).toBe('stale');
  });

  it('is translated', () => {
    const v = trayView(base, createTranslator('fr'), NOW, opts);
    expect(v.tooltip).toContain('30 % utilisés · 70 % restants');
    expect(v.tooltip).toContain('Réinitialisation le 1 juil.');
    const z = trayView(base, createTranslator('zh'), NOW, opts);
    expect(z.tooltip).toContain('已用 30% · 剩余 70%');
  });
});

describe('tray tooltip on Windows (127 characters)', () => {
  const errors: Array<ErrorInfo | null> = [
    null,
    { kind: 'auth', reason: 'missingPermission', permission: 'Plan', status: 403 },
    { kind: 'network', detail: 'ENOTFOUND' },
    { kind: 'rateLimit', retryAt: new Date(NOW + 3_600_000).toISOString(), status: 429 },
    { kind: 'responseShape', missing: ['total_usage'] } as ErrorInfo,
    { kind: 'keychain', reason: 'locked' },
  ];
  const credits = snapshotAt(NOW - 60_000, 72.5, {
    unit: 'credits',
    used: 1087.75,
    allowance: 1500,
    plan: 'pro+',
    account: { login: 'octocat-enterprise', host: 'github.com' },
  });

  it('puts the problem right under the title', () => {
    const v = trayView(
      { ...base, error: { kind: 'network', detail: 'ENOTFOUND' }, lastAttemptAt: NOW },
      en,
      NOW + 2 * 3_600_000,
      opts,
    );
    expect(v.tooltip).toBe(
      [
        'Copilot Meter · @octocat · Copilot Pro',
        'Cannot reach GitHub — showing the last reading',
        '90 / 300 premium requests used',
        '30 % used · 70 % left',
        'Resets Jul 1',
        'Updated 02:04 PM',
        'Last reading is 2 h old',
      ].join('\n'),
    );
  });

  it('keeps the whole tooltip when it fits', () => {
    const v = trayView(base, en, NOW, opts);
    expect(v.tooltip.length).toBeLessThanOrEqual(WIN_TOOLTIP_MAX);
    expect(v.compactTooltip).toBe(v.tooltip);
  });

  it('keeps the problem, the share used and the update time in every language, whatever went wrong', () => {
    for (const lang of ['en', 'fr', 'zh'] as const) {
      const tr = createTranslator(lang);
      for (const error of errors)
        for (const later of [0, 3 * 3_600_000]) {
          const v = trayView(
            { ...base, snapshot: credits, error, lastAttemptAt: NOW },
            tr,
            NOW + later,
            opts,
          );
          const lines = v.compactTooltip.split('\n');
          const where = `${lang} ${error?.kind ?? 'ok'} +${later}`;
          expect(v.compactTooltip.length, where).toBeLessThanOrEqual(WIN_TOOLTIP_MAX);
          expect(v.compactTooltip, where).not.toContain('…');
          const percent = lines.indexOf(find(v.menu, 'figure-1')!.label!);
          expect(percent, where).toBeGreaterThanOrEqual(0);
          // The problem comes before the figures (after at most the title line).
          if (error)
            expect(lines.indexOf(problemLine(error, tr, opts, true, NOW + later)), where).toBeOneOf([0, 1]);
          expect(
            lines.some((l) => l.startsWith(tr.t('tray.updated', { time: '' }))),
            where,
          ).toBe(true);
        }
    }
  });

  it('drops the prefix, the reset date, the account, x / y and the age, then puts back what fits', () => {
    const fr = createTranslator('fr');
    const error: ErrorInfo = { kind: 'auth', reason: 'missingPermission', permission: 'Plan', status: 403 };
    const v = trayView({ ...base, error, lastAttemptAt: NOW }, fr, NOW, opts);
    expect(v.tooltip.length).toBeGreaterThan(WIN_TOOLTIP_MAX);
    expect(v.compactTooltip).toBe(
      // 234 characters in full. Without "Copilot Meter · " (218), the reset date (190), the account (167),
      // "90 / 300 …" (131) and "Dernière mesure …" (102) it fits; the account (23 + newline) fits again.
      [
        '@octocat · Copilot Pro',
        'Il manque « Plan » au jeton — ouvrir la configuration',
        '30 % utilisés · 70 % restants',
        'Mis à jour à 14:04',
      ].join('\n'),
    );
  });

  it('cuts a single line that is still too long with an ellipsis', () => {
    const tip = fitTooltip([{ part: 'problem', text: 'x'.repeat(200) }], WIN_TOOLTIP_MAX);
    expect(tip).toBe(`${'x'.repeat(126)}…`);
  });
});

describe('tray menu', () => {
  it('lists the figures as disabled items and the top three models', () => {
    const v = trayView(base, en, NOW, opts);
    expect(find(v.menu, 'figure-0')).toMatchObject({
      label: '90 / 300 premium requests used',
      enabled: false,
    });
    const models = v.menu.filter((i) => i.id.startsWith('model-')).map((i) => i.label);
    expect(models).toEqual(['Claude Sonnet 4.5: 50', 'GPT-5: 30', 'Gemini 2.5 Pro: 8']);
  });

  it('has keyboard mnemonics, accelerators and actions for the commands', () => {
    const v = trayView(base, en, NOW, opts);
    expect(find(v.menu, 'refresh')).toMatchObject({
      label: '&Refresh now',
      accelerator: 'CmdOrCtrl+R',
      enabled: true,
      action: { type: 'refresh' },
    });
    expect(find(v.menu, 'setup')?.action).toEqual({ type: 'openSetup' });
    expect(find(v.menu, 'billing')?.action).toEqual({ type: 'openBilling' });
    expect(v.menu[v.menu.length - 1]).toMatchObject({ id: 'quit', label: '&Quit', action: { type: 'quit' } });
  });

  it('shows the settings with the current choices checked', () => {
    const v = trayView({ ...base, settings: { ...settings, refreshMinutes: 7 } }, en, NOW, opts);
    const radios = find(v.menu, 'interval')!.submenu!;
    expect(radios.map((r) => r.id)).toContain('interval-7');
    expect(radios.filter((r) => r.checked).map((r) => r.id)).toEqual(['interval-7']);
    expect(find(v.menu, 'thresholds-75-90-100')?.checked).toBe(true);
    expect(find(v.menu, 'notify-periodReset')).toMatchObject({ type: 'checkbox', checked: false });
    expect(find(v.menu, 'login')).toMatchObject({ checked: true, action: { type: 'toggleLaunchAtLogin' } });
    expect(find(v.menu, 'language-system')).toMatchObject({
      checked: true,
      action: { type: 'setLanguage', lang: null },
    });
    expect(find(v.menu, 'language-zh')?.label).toBe('中文');
  });

  it('keeps an & in a model name literal', () => {
    const s = { ...fresh, models: [{ model: 'R&D model', used: 1 }] };
    expect(find(trayView({ ...base, snapshot: s }, en, NOW, opts).menu, 'model-R&D model')?.label).toBe(
      'R&&D model: 1',
    );
  });
});

describe('tray account menu', () => {
  const acct = (login: string, host = 'github.com') => ({
    login,
    host,
    tokenHint: 'abcd',
    tokenExpiresAt: null,
    lastCheckedAt: null,
  });
  const accounts = [acct('octocat'), acct('hubot', 'acme.ghe.com')];

  it('has no account menu with none or one saved account', () => {
    expect(find(trayView(base, en, NOW, opts).menu, 'accounts')).toBeUndefined();
    const one = { ...base, settings: { ...settings, accounts: [acct('octocat')] } };
    expect(find(trayView(one, en, NOW, opts).menu, 'accounts')).toBeUndefined();
  });

  it('lists two accounts as radio items, the first checked while none is chosen', () => {
    const v = trayView({ ...base, settings: { ...settings, accounts } }, en, NOW, opts);
    const menu = find(v.menu, 'accounts')!;
    expect(menu).toMatchObject({ type: 'submenu', label: '&Account' });
    expect(menu.submenu).toEqual([
      {
        id: 'account-github.com/octocat',
        type: 'radio',
        label: '@octocat (github.com)',
        checked: true,
        action: { type: 'setAccount', account: 'github.com/octocat' },
      },
      {
        id: 'account-acme.ghe.com/hubot',
        type: 'radio',
        label: '@hubot (acme.ghe.com)',
        checked: false,
        action: { type: 'setAccount', account: 'acme.ghe.com/hubot' },
      },
    ]);
    // Beside the other commands, before Settings.
    expect(v.menu.map((i) => i.id).slice(-4)).toEqual(['accounts', 'settings', 'sep-quit', 'quit']);
  });

  it('checks the active account, and falls back to the first when the active one is no longer saved', () => {
    const chosen = { ...base, settings: { ...settings, accounts, activeAccount: 'acme.ghe.com/hubot' } };
    const checked = (st: TrayState) =>
      find(trayView(st, en, NOW, opts).menu, 'accounts')!
        .submenu!.filter((i) => i.checked)
        .map((i) => i.id);
    expect(checked(chosen)).toEqual(['account-acme.ghe.com/hubot']);
    const gone = { ...base, settings: { ...settings, accounts, activeAccount: 'github.com/removed' } };
    expect(checked(gone)).toEqual(['account-github.com/octocat']);
  });

  it('is translated', () => {
    const st = { ...base, settings: { ...settings, accounts } };
    const zh = find(trayView(st, createTranslator('zh'), NOW, opts).menu, 'accounts')!;
    expect(zh.label).toBe('账户(&A)');
    expect(zh.submenu![0]!.label).toBe('@octocat（github.com）');
    expect(find(trayView(st, createTranslator('fr'), NOW, opts).menu, 'accounts')!.label).toBe('Co&mpte');
  });
});

describe('billing page', () => {
  it('opens the billing page on the account host', () => {
    expect(billingUrl(fresh, 'https://api.github.com')).toBe('https://github.com/settings/billing');
    expect(billingUrl(null, 'https://api.acme.ghe.com')).toBe('https://acme.ghe.com/settings/billing');
  });
});

describe('token expiry', () => {
  const expiring = (days: number): TrayState['settings'] => ({
    ...settings,
    accounts: [
      {
        login: 'octocat',
        host: 'github.com',
        tokenHint: 'abcd',
        tokenExpiresAt: new Date(NOW + days * 86_400_000).toISOString(),
        lastCheckedAt: null,
      },
    ],
  });
  const state = (s: TrayState['settings']): TrayState => ({
    snapshot: fresh,
    error: null,
    lastAttemptAt: NOW - 60_000,
    refreshing: false,
    configured: true,
    settings: s,
  });

  it('says a week ahead that the token expires, with a menu item that opens setup', () => {
    const v = trayView(state(expiring(3)), en, NOW, opts);
    expect(v.tooltip).toContain('Token expires on Jun 13 — replace it in setup');
    expect(v.menu.find((m) => m.id === 'token-expiry')?.action).toEqual({ type: 'openSetup' });
  });

  it('says nothing while the expiry is further away than a week', () => {
    expect(trayView(state(expiring(10)), en, NOW, opts).tooltip).not.toContain('Token expires');
  });
});
