/**
 * `copilot-meter config get [KEY] | set KEY VALUE | unset KEY`: the settings a user chooses (plan, allowance,
 * language, refresh interval, thresholds, notifications, API address), in the file the tray app reads. Values are
 * parsed from what people type, then checked by the settings schema itself (checkSetting): nothing the file would
 * repair or refuse is saved, and a bad value leaves the file as it was.
 */
import type { ErrorInfo } from '../../shared/errors';
import { errorInfo } from '../../shared/errors';
import { describeError, isLang, type MessageKey } from '../../shared/i18n';
import { parsePlan } from '../../shared/plans';
import { normalizeApiUrl } from '../core/github/url';
import { accountKeyOf } from '../settings/accounts';
import { checkSetting, defaultSettings } from '../settings/schema';
import type { SettingsStore } from '../settings/store';
import type { Settings } from '../settings/types';
import type { CliContext } from './context';
import { EXIT, exitCodeFor } from './exit-codes';

type Value = string | number | boolean | number[] | null;

interface ConfigKey {
  /** What the user types. */
  name: string;
  /** The settings key it is kept under. */
  key: keyof Settings;
  get(s: Settings): Value;
  /** Typed text → the value to check, or undefined when it cannot be read at all. */
  parse(raw: string, current: Settings): unknown;
  /** The reason shown when the value is refused. */
  why: MessageKey;
  /** Settings after the change (nested keys keep their siblings). */
  apply(s: Settings, value: unknown): Partial<Settings>;
  note?: MessageKey;
}

const BOOLEAN: Record<string, boolean> = {
  on: true,
  true: true,
  yes: true,
  off: false,
  false: false,
  no: false,
};
const parseBoolean = (raw: string): unknown => BOOLEAN[raw.trim().toLowerCase()];
const parseNumber = (raw: string): unknown => (raw.trim() === '' ? undefined : Number(raw));

const plain =
  <K extends keyof Settings>(key: K) =>
  (_s: Settings, value: unknown): Partial<Settings> =>
    ({ [key]: value }) as Partial<Settings>;

const notify = (which: keyof Settings['notifications'], name: string): ConfigKey => ({
  name,
  key: 'notifications',
  get: (s) => s.notifications[which],
  parse: parseBoolean,
  why: 'cli.config.why.boolean',
  apply: (s, value) => ({ notifications: { ...s.notifications, [which]: value } }),
});

export const CONFIG_KEYS: readonly ConfigKey[] = [
  {
    name: 'plan',
    key: 'plan',
    get: (s) => s.plan,
    parse: (raw) => parsePlan(raw) ?? undefined,
    why: 'cli.config.why.plan',
    apply: plain('plan'),
  },
  {
    name: 'allowance',
    key: 'allowanceOverride',
    get: (s) => s.allowanceOverride,
    parse: parseNumber,
    why: 'cli.config.why.allowance',
    apply: plain('allowanceOverride'),
  },
  {
    name: 'lang',
    key: 'language',
    get: (s) => s.language,
    parse: (raw) => (isLang(raw.trim().toLowerCase()) ? raw.trim().toLowerCase() : undefined),
    why: 'cli.config.why.lang',
    apply: plain('language'),
  },
  {
    name: 'interval',
    key: 'refreshMinutes',
    get: (s) => s.refreshMinutes,
    parse: (raw) => {
      const n = parseNumber(raw);
      return typeof n === 'number' && Number.isInteger(n) ? n : undefined;
    },
    why: 'cli.config.why.interval',
    apply: plain('refreshMinutes'),
  },
  {
    name: 'thresholds',
    key: 'thresholds',
    get: (s) => s.thresholds,
    parse: (raw) => {
      const parts = raw.split(/[\s,]+/).filter(Boolean);
      const nums = parts.map(Number);
      return parts.length > 0 && nums.every(Number.isFinite) ? nums : undefined;
    },
    why: 'cli.config.why.thresholds',
    apply: plain('thresholds'),
  },
  notify('thresholds', 'notify.thresholds'),
  notify('accessBroken', 'notify.access'),
  notify('periodReset', 'notify.reset'),
  notify('forecast', 'notify.forecast'),
  {
    name: 'launch-at-login',
    key: 'launchAtLogin',
    get: (s) => s.launchAtLogin,
    parse: parseBoolean,
    why: 'cli.config.why.boolean',
    apply: plain('launchAtLogin'),
    note: 'cli.config.launchNote',
  },
  {
    // Which saved account the tray shows (and `status` reads): a saved login, or host/login.
    name: 'account',
    key: 'activeAccount',
    get: (s) => s.activeAccount,
    parse: (raw, current) => {
      const w = raw.trim().replace(/^@/, '').toLowerCase();
      const found = current.accounts.find(
        (a) => a.login.toLowerCase() === w || accountKeyOf(a).toLowerCase() === w,
      );
      return found ? accountKeyOf(found) : undefined;
    },
    why: 'cli.config.why.account',
    apply: plain('activeAccount'),
  },
  {
    name: 'api-url',
    key: 'apiUrl',
    get: (s) => s.apiUrl,
    // normalizeApiUrl throws its own reason (not a URL, plain http to a remote host…), shown as it is.
    parse: (raw) => normalizeApiUrl(raw),
    why: 'cli.config.why.apiUrl',
    apply: plain('apiUrl'),
  },
];

const DEFAULTS = defaultSettings();
const KEY_NAMES = CONFIG_KEYS.map((k) => k.name).join(', ');

/** Seams for tests. */
export interface ConfigDeps {
  openSettings(ctx: CliContext): SettingsStore | Promise<SettingsStore>;
}

const defaultDeps: ConfigDeps = {
  async openSettings(ctx) {
    const { openSettings } = await import('../settings/store');
    return openSettings({ env: ctx.env });
  },
};

const shown = (v: Value, ctx: CliContext): string =>
  v === null ? ctx.tr.t('cli.config.notSet') : Array.isArray(v) ? v.join(',') : String(v);

function fail(ctx: CliContext, info: ErrorInfo): number {
  if (ctx.json) {
    ctx.io.out(
      JSON.stringify({ ok: false, error: { ...info, message: describeError(info, ctx.tr) } }, null, 2),
    );
  } else ctx.io.err(describeError(info, ctx.tr));
  return exitCodeFor(info);
}

const badInput = (detail: string): ErrorInfo => ({ kind: 'config', reason: 'badInput', detail });

export async function runConfigCommand(
  args: string[],
  ctx: CliContext,
  deps: Partial<ConfigDeps> = {},
): Promise<number> {
  const d: ConfigDeps = { ...defaultDeps, ...deps };
  const { tr } = ctx;
  const [sub = 'get', name, ...values] = args;
  const usage = () => {
    ctx.io.err(tr.t('cli.config.usage', { keys: KEY_NAMES }));
    return EXIT.usage;
  };
  if (sub === 'help') {
    ctx.io.out(tr.t('cli.config.usage', { keys: KEY_NAMES }));
    return EXIT.ok;
  }
  if (sub !== 'get' && sub !== 'set' && sub !== 'unset') {
    ctx.io.err(tr.t('cli.config.unknownCommand', { name: sub }));
    return usage();
  }
  const entry = name === undefined ? undefined : CONFIG_KEYS.find((k) => k.name === name.toLowerCase());
  if (name !== undefined && !entry) {
    return fail(ctx, badInput(tr.t('cli.config.unknownKey', { key: name, keys: KEY_NAMES })));
  }
  if ((sub === 'set' || sub === 'unset') && !entry) return usage();
  if (sub === 'set' && values.length === 0) {
    return fail(ctx, badInput(tr.t('cli.config.needValue', { key: entry!.name })));
  }
  if (sub !== 'set' && values.length > 0) return usage();

  let store: SettingsStore;
  try {
    store = await d.openSettings(ctx);
  } catch (e) {
    return fail(ctx, errorInfo(e) ?? badInput('settings could not be opened'));
  }

  if (sub === 'get') {
    const s = store.get();
    const entries = entry ? [entry] : CONFIG_KEYS;
    if (ctx.json) {
      ctx.io.out(JSON.stringify(Object.fromEntries(entries.map((k) => [k.name, k.get(s)])), null, 2));
    } else if (entry) ctx.io.out(shown(entry.get(s), ctx));
    else for (const k of entries) ctx.io.out(`${k.name} = ${shown(k.get(s), ctx)}`);
    return EXIT.ok;
  }

  const k = entry!;
  const current = store.get();
  let parsed: unknown;
  if (sub === 'unset') parsed = k.get(DEFAULTS);
  else {
    try {
      parsed = k.parse(values.join(' '), current);
    } catch (e) {
      // The API address: normalizeApiUrl says what is wrong with it (not a URL, plain http to a remote host).
      return fail(
        ctx,
        errorInfo(e) ?? badInput(tr.t('cli.config.badValue', { key: k.name, why: tr.t(k.why) })),
      );
    }
    const checked = parsed === undefined ? null : checkSetting(k.key, k.apply(current, parsed)[k.key]);
    if (!checked?.ok) {
      return fail(ctx, badInput(tr.t('cli.config.badValue', { key: k.name, why: tr.t(k.why) })));
    }
  }
  let after: Settings;
  try {
    after = store.update((cur) => ({ ...cur, ...k.apply(cur, parsed) }));
  } catch (e) {
    return fail(ctx, errorInfo(e) ?? badInput('settings could not be saved'));
  }
  const now = k.get(after);
  if (ctx.json) ctx.io.out(JSON.stringify({ ok: true, [k.name]: now }, null, 2));
  else {
    const message = sub === 'unset' ? 'cli.config.unset' : 'cli.config.saved';
    ctx.io.out(tr.t(message, { key: k.name, value: shown(now, ctx) }));
    if (k.note) ctx.io.err(tr.t(k.note));
  }
  return EXIT.ok;
}
