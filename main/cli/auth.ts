/**
 * `copilot-meter auth set | status | remove | import`: the CLI's way to put the app's PAT in the keychain.
 * Rules: a token is read from stdin (piped) or a hidden prompt, never argv; it is checked live against GitHub
 * BEFORE anything is saved (a bad token leaves the old one in place); the login is saved with the exact case
 * GitHub uses; only the last four characters ever reach settings or the screen.
 */
import type { PlanId, Unit } from '../../shared/domain';
import { errorInfo, type ErrorInfo } from '../../shared/errors';
import { describeError, type Translator } from '../../shared/i18n';
import { tokenTextProblem } from '../../shared/tokens';
import type { Credential } from '../core/credentials/types';
import { tokenHint } from '../core/credentials/types';
import type { PatCheck } from '../core/pat-check';
import { mayUseOn } from '../core/credentials/host';
import { webHost } from '../core/github/url';
import { removeFile } from '../core/system';
import type { SecretStore } from '../secrets/types';
import { accountKey } from '../secrets/types';
import type { SettingsStore } from '../settings/store';
import type { AccountSettings, Settings } from '../settings/types';
import type { CliContext } from './context';
import { EXIT, exitCodeFor } from './exit-codes';

/** Seams for tests; every one defaults to the real thing. */
export interface AuthDeps {
  checkPat(token: string, ctx: CliContext): Promise<PatCheck>;
  openSettings(ctx: CliContext): SettingsStore | Promise<SettingsStore>;
  /** True when deleted, false when already gone. */
  removeFile(path: string): Promise<boolean>;
}

type OkCheck = Extract<PatCheck, { ok: true }>;

const defaultDeps: AuthDeps = {
  async checkPat(token, ctx) {
    const [{ checkPat }, credentials] = await Promise.all([import('../core/pat-check'), oauthSiblings(ctx)]);
    return checkPat(token, {
      apiUrl: ctx.apiUrl,
      http: ctx.http,
      clock: ctx.clock,
      credentials,
      loopbackPlaysGithub: loopbackChosen(ctx),
    });
  },
  async openSettings(ctx) {
    const { openSettings } = await import('../settings/store');
    return openSettings({ env: ctx.env });
  },
  removeFile,
};

/**
 * A loopback API plays github.com for the sign-ins on disk only when chosen for this run (--api-url, the
 * environment), never because settings hold one (the wizard may have written it).
 */
const loopbackChosen = (ctx: CliContext): boolean =>
  ctx.apiUrlFromFlag || Boolean(ctx.env.vars.COPILOT_METER_API_URL?.trim());

/** OAuth tokens of Copilot clients on this machine, so the check can detect the plan (never printed). */
async function oauthSiblings(ctx: CliContext): Promise<Credential[]> {
  try {
    const { createEngine } = await import('../core/engine');
    const engine = createEngine({
      http: ctx.http,
      clock: ctx.clock,
      env: ctx.env,
      files: ctx.files,
      secrets: null,
    });
    return (await engine.findCredentials(['opencode', 'copilot-editor', 'gh-cli'])).credentials;
  } catch {
    return [];
  }
}

/** Settings keep the last four characters; the screen shows them after an ellipsis. */
const last4 = (token: string): string => tokenHint(token).replace(/^…/, '');
const shownHint = (stored: string): string => `…${stored.replace(/^…/, '')}`;

const planLabel = (tr: Translator, plan: PlanId | null): string =>
  tr.t(plan ? `plan.${plan}` : 'plan.unknown');
const unitLabel = (tr: Translator, unit: Unit | null): string => (unit ? tr.t(`unit.${unit}`) : '?');

function toInfo(e: unknown): ErrorInfo {
  // Unknown errors are reduced to their name: a message could quote the input.
  return (
    errorInfo(e) ?? {
      kind: 'config',
      reason: 'other',
      detail: `unexpected ${e instanceof Error ? e.name : typeof e}`,
    }
  );
}

export async function runAuthCommand(
  args: string[],
  ctx: CliContext,
  deps: Partial<AuthDeps> = {},
): Promise<number> {
  const d: AuthDeps = { ...defaultDeps, ...deps };
  const [sub, ...operands] = args;
  switch (sub) {
    case 'set':
      return authSet(ctx, d);
    case 'status':
    case undefined:
      return authStatus(ctx, d);
    case 'remove':
      return authRemove(operands[0] ?? ctx.flags.user, ctx, d);
    case 'import':
      return authImport(ctx, d);
    case 'help':
      ctx.io.out(ctx.tr.t('auth.help'));
      return EXIT.ok;
    default:
      ctx.io.err(ctx.tr.t('auth.unknownCommand', { name: sub }));
      ctx.io.err(ctx.tr.t('auth.help'));
      return EXIT.usage;
  }
}

/** Prints an error in the chosen format and returns its exit code. */
function fail(ctx: CliContext, info: ErrorInfo, ...then: string[]): number {
  if (ctx.json) {
    const error = { ...info, message: describeError(info, ctx.tr) };
    ctx.io.out(JSON.stringify({ ok: false, error }, undefined, 2));
  } else for (const line of [describeError(info, ctx.tr), ...then]) ctx.io.err(line);
  return exitCodeFor(info);
}

/** `choices`: what to say after a keychain error (saving and removing offer different ways out). */
function failKeychain(
  ctx: CliContext,
  e: unknown,
  choices: 'auth.keychainChoices' | 'auth.keychainRetryRemove' = 'auth.keychainChoices',
): number {
  const info = toInfo(e);
  if (info.kind !== 'keychain') return fail(ctx, info);
  // An unavailable keychain's message already gives both ways out (start it, or COPILOT_METER_TOKEN).
  const then =
    info.reason === 'unavailable' && choices === 'auth.keychainChoices' ? 'auth.nothingSaved' : choices;
  return fail(ctx, info, ctx.tr.t(then));
}

async function readToken(ctx: CliContext): Promise<string> {
  const raw = ctx.io.stdinIsTTY
    ? await ctx.io.readSecret(ctx.tr.t('auth.promptToken'))
    : await ctx.io.readStdin();
  return raw.trim();
}

// ─────────────────────────────────────────────── set ───────────────────────────────────────────────

async function authSet(ctx: CliContext, d: AuthDeps): Promise<number> {
  const { tr } = ctx;
  let token: string;
  try {
    token = await readToken(ctx);
  } catch {
    return EXIT.usage; // prompt cancelled (Ctrl-C)
  }
  if (!token) return fail(ctx, { kind: 'config', reason: 'badInput', detail: tr.t('auth.tokenEmpty') });
  if (/\s/.test(token))
    return fail(ctx, { kind: 'config', reason: 'badInput', detail: tr.t('auth.tokenMalformed') });
  // Zero-width spaces, emoji, control characters, a pasted file: refused before anything is sent.
  const text = tokenTextProblem(token);
  if (text) return fail(ctx, { kind: 'config', reason: 'badInput', token: text });

  const check = await checkLive(token, ctx, d);
  if (!check.ok) return fail(ctx, check.error, tr.t('auth.notSaved'));
  const wanted = ctx.flags.user?.trim().replace(/^@/, '');
  if (wanted && wanted.toLowerCase() !== check.login.toLowerCase()) {
    const detail = tr.t('auth.userMismatch', { actual: check.login, requested: wanted });
    return fail(ctx, { kind: 'config', reason: 'badInput', detail });
  }
  if (wanted && wanted !== check.login && !ctx.json) {
    ctx.io.err(tr.t('auth.loginCase', { login: check.login, given: wanted }));
  }
  if (ctx.flags.sessionOnly) {
    const params = {
      hint: tokenHint(token),
      login: check.login,
      plan: planLabel(tr, check.plan),
      unit: unitLabel(tr, check.unit),
    };
    if (ctx.json)
      ctx.io.out(JSON.stringify({ ok: true, saved: false, ...publicCheck(check, token) }, undefined, 2));
    else ctx.io.out(tr.t('auth.sessionOnly', params));
    return EXIT.ok;
  }
  // --plan is the user's word for when GitHub cannot tell; a plan GitHub reports still wins.
  return save(token, check, ctx.flags.plan ?? null, ctx, d);
}

async function checkLive(token: string, ctx: CliContext, d: AuthDeps): Promise<PatCheck> {
  if (!ctx.json) ctx.io.err(ctx.tr.t('auth.checking', { host: new URL(ctx.apiUrl).host }));
  try {
    return await d.checkPat(token, ctx);
  } catch (e) {
    return { ok: false, error: toInfo(e) };
  }
}

function publicCheck(c: OkCheck, token: string) {
  return {
    login: c.login,
    host: c.host,
    tokenHint: tokenHint(token),
    plan: c.plan,
    planDetected: c.planDetected,
    unit: c.unit,
    tokenExpiresAt: c.tokenExpiresAt,
    warnings: c.warnings,
  };
}

/** Keychain first (the step that can fail for reasons outside our control), then settings. */
async function save(
  token: string,
  check: OkCheck,
  fallbackPlan: PlanId | null,
  ctx: CliContext,
  d: AuthDeps,
): Promise<number> {
  const { tr } = ctx;
  const key = accountKey(check.host, check.login);
  let secrets: SecretStore;
  let previous: string | null = null;
  try {
    secrets = await ctx.openSecrets();
    previous = await secrets.get(key).catch(() => null);
    await secrets.set(key, token);
  } catch (e) {
    return failKeychain(ctx, e);
  }

  const now = new Date(ctx.clock.now()).toISOString();
  let settings: SettingsStore;
  let staleKeys: string[] = [];
  try {
    settings = await d.openSettings(ctx);
    settings.update((cur): Settings => {
      // The same account saved earlier with another case ("Octocat") is the same account: replace it.
      const same = (a: AccountSettings) =>
        a.host === check.host && a.login.toLowerCase() === check.login.toLowerCase();
      staleKeys = cur.accounts
        .filter((a) => same(a) && a.login !== check.login)
        .map((a) => accountKey(a.host, a.login));
      const account: AccountSettings = {
        login: check.login,
        host: check.host,
        tokenHint: last4(token),
        tokenExpiresAt: check.tokenExpiresAt,
        lastCheckedAt: now,
      };
      const accounts = [...cur.accounts.filter((a) => !same(a)), account];
      const plan = check.planDetected ? check.plan : (fallbackPlan ?? cur.plan ?? check.plan);
      return {
        ...cur,
        // The server is remembered only when chosen with --api-url; COPILOT_METER_API_URL is for this run.
        ...(ctx.apiUrlFromFlag ? { apiUrl: ctx.apiUrl } : {}),
        accounts,
        // The account just saved is the one the user wants to see (the wizard does the same).
        activeAccount: key,
        plan,
        lastSnapshot: check.snapshot ?? cur.lastSnapshot,
      };
    });
  } catch (e) {
    // Settings could not take the account (locked, read-only): the keychain goes back to what it held, so no
    // token is left there that no account names.
    await (previous === null ? secrets.delete(key) : secrets.set(key, previous)).catch(() => undefined);
    const info = toInfo(e);
    return fail(ctx, info, tr.t('auth.settingsFailed', { detail: info.detail ?? info.kind }));
  }
  for (const stale of staleKeys) await secrets.delete(stale).catch(() => false);

  const shownPlan = check.planDetected ? check.plan : (settings.get().plan ?? null);
  if (ctx.json) {
    ctx.io.out(
      JSON.stringify(
        { ok: true, saved: true, store: secrets.kind, ...publicCheck(check, token), plan: shownPlan },
        undefined,
        2,
      ),
    );
    return EXIT.ok;
  }
  ctx.io.out(
    tr.t('auth.saved', {
      hint: tokenHint(token),
      login: check.login,
      plan: planLabel(tr, shownPlan),
      unit: unitLabel(tr, check.unit),
    }),
  );
  ctx.io.out(tr.t('auth.savedIn', { store: tr.t(`auth.store.${secrets.kind}`) }));
  for (const w of check.warnings) ctx.io.err(tr.t(`auth.warning.${w}`));
  if (!check.planDetected && shownPlan === null) ctx.io.err(tr.t('auth.planNotDetected'));
  return EXIT.ok;
}

// ───────────────────────────────────────────── status ─────────────────────────────────────────────

async function authStatus(ctx: CliContext, d: AuthDeps): Promise<number> {
  const { tr } = ctx;
  let settings: Settings;
  try {
    settings = (await d.openSettings(ctx)).get();
  } catch (e) {
    return fail(ctx, toInfo(e));
  }
  let store: SecretStore | null = null;
  let stored: string[] | null = null;
  let storeError: ErrorInfo | null = null;
  try {
    store = await ctx.openSecrets();
    stored = await store.list();
  } catch (e) {
    storeError = toInfo(e);
  }
  const envToken = ctx.env.vars.COPILOT_METER_TOKEN?.trim() || null;
  const accounts = settings.accounts.map((a) => {
    const key = accountKey(a.host, a.login);
    return {
      login: a.login,
      host: a.host,
      key,
      tokenHint: shownHint(a.tokenHint),
      tokenExpiresAt: a.tokenExpiresAt,
      lastCheckedAt: a.lastCheckedAt,
      active:
        (settings.activeAccount ?? accountKey(settings.accounts[0]!.host, settings.accounts[0]!.login)) ===
        key,
      inStore: stored ? stored.includes(key) : null,
      // Kept in the tray app's memory only (keychain unavailable when it was saved): no other process sees it.
      sessionOnly: a.sessionOnly === true,
    };
  });
  const orphans = (stored ?? []).filter((k) => !accounts.some((a) => a.key === k));
  const code = storeError ? exitCodeFor(storeError) : EXIT.ok;

  if (ctx.json) {
    ctx.io.out(
      JSON.stringify(
        {
          store: store && !storeError ? store.kind : null,
          storeError,
          accounts,
          keychainOnly: orphans,
          envToken: envToken ? tokenHint(envToken) : null,
        },
        undefined,
        2,
      ),
    );
    return code;
  }
  // With an unreadable keychain, "no token saved" may be false: only the keychain error is said then.
  if (accounts.length === 0 && orphans.length === 0 && !storeError) ctx.io.out(tr.t('auth.status.none'));
  const date = (iso: string) => iso.slice(0, 10);
  const time = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;
  for (const a of accounts) {
    ctx.io.out(
      tr.t('auth.status.account', {
        login: a.login,
        host: a.host,
        active: a.active ? tr.t('auth.status.active') : '',
        hint: a.tokenHint,
        expiry: a.tokenExpiresAt
          ? tr.t('auth.status.expires', { date: date(a.tokenExpiresAt) })
          : tr.t('auth.status.noExpiry'),
        checked: a.lastCheckedAt
          ? tr.t('auth.status.checked', { date: time(a.lastCheckedAt) })
          : tr.t('auth.status.neverChecked'),
      }),
    );
    if (a.inStore === false)
      ctx.io.out(tr.t(a.sessionOnly ? 'auth.status.sessionOnly' : 'auth.status.missing', { login: a.login }));
  }
  for (const k of orphans) {
    const i = k.lastIndexOf('/');
    ctx.io.out(tr.t('auth.status.orphan', { login: k.slice(i + 1), host: k.slice(0, i) }));
  }
  if (store && !storeError)
    ctx.io.out(tr.t('auth.status.store', { store: tr.t(`auth.store.${store.kind}`) }));
  if (storeError) ctx.io.err(tr.t('auth.status.storeFailed', { reason: describeError(storeError, tr) }));
  if (envToken) ctx.io.out(tr.t('auth.status.env', { hint: tokenHint(envToken) }));
  return code;
}

// ───────────────────────────────────────────── remove ─────────────────────────────────────────────

async function authRemove(which: string | undefined, ctx: CliContext, d: AuthDeps): Promise<number> {
  const { tr } = ctx;
  let settingsStore: SettingsStore;
  let secrets: SecretStore;
  let stored: string[];
  try {
    settingsStore = await d.openSettings(ctx);
  } catch (e) {
    return fail(ctx, toInfo(e));
  }
  try {
    secrets = await ctx.openSecrets();
    stored = await secrets.list();
  } catch (e) {
    return failKeychain(ctx, e, 'auth.keychainRetryRemove');
  }
  const settings = settingsStore.get();
  // Everything we know of: settings accounts and bare keychain entries.
  const keys = [...new Set([...settings.accounts.map((a) => accountKey(a.host, a.login)), ...stored])];
  const badInput = (detail: string) => fail(ctx, { kind: 'config', reason: 'badInput', detail });
  if (keys.length === 0) return badInput(tr.t('auth.remove.nothing'));

  let matches: string[];
  if (!which) {
    if (keys.length > 1) {
      return badInput(
        tr.t('auth.remove.which', { logins: keys.map((k) => k.slice(k.lastIndexOf('/') + 1)).join(', ') }),
      );
    }
    matches = keys;
  } else {
    const w = which.trim().replace(/^@/, '');
    const byKey = (k: string) => (w.includes('/') ? k : k.slice(k.lastIndexOf('/') + 1));
    matches = keys.filter((k) => byKey(k) === w);
    if (matches.length === 0) matches = keys.filter((k) => byKey(k).toLowerCase() === w.toLowerCase());
    if (matches.length === 0) return badInput(tr.t('auth.remove.none', { login: w }));
  }

  // Removing cannot be undone: a terminal is asked, a script must say --yes (a pipe cannot answer a question).
  if (!ctx.flags.yes) {
    const names = matches.map(
      (k) => `@${k.slice(k.lastIndexOf('/') + 1)} (${k.slice(0, k.lastIndexOf('/'))})`,
    );
    if (!ctx.io.stdinIsTTY) return badInput(tr.t('auth.remove.needYes', { accounts: names.join(', ') }));
    if (!(await ctx.io.confirm(tr.t('auth.remove.confirm', { accounts: names.join(', ') }), false))) {
      if (!ctx.json) ctx.io.err(tr.t('auth.remove.kept'));
      return EXIT.ok;
    }
  }
  try {
    for (const k of matches) await secrets.delete(k);
  } catch (e) {
    // Settings are left as they are so that "remove" can simply be run again once the keychain answers.
    return failKeychain(ctx, e, 'auth.keychainRetryRemove');
  }
  try {
    settingsStore.update((cur) => {
      const accounts = cur.accounts.filter((a) => !matches.includes(accountKey(a.host, a.login)));
      const activeAccount =
        cur.activeAccount && matches.includes(cur.activeAccount) ? null : cur.activeAccount;
      // The removed account's last reading (login, usage, models) goes with it.
      const last = cur.lastSnapshot;
      const lastSnapshot =
        last &&
        matches.some(
          (k) => k.toLowerCase() === accountKey(last.account.host, last.account.login).toLowerCase(),
        )
          ? null
          : last;
      return { ...cur, accounts, activeAccount, lastSnapshot };
    });
  } catch (e) {
    return fail(ctx, toInfo(e));
  }
  const removed = matches.map((k) => ({
    login: k.slice(k.lastIndexOf('/') + 1),
    host: k.slice(0, k.lastIndexOf('/')),
  }));
  if (ctx.json) ctx.io.out(JSON.stringify({ ok: true, removed }, undefined, 2));
  else for (const r of removed) ctx.io.out(tr.t('auth.removed', r));
  return EXIT.ok;
}

// ───────────────────────────────────────────── import ─────────────────────────────────────────────

async function authImport(ctx: CliContext, d: AuthDeps): Promise<number> {
  const { tr } = ctx;
  const { legacyQuotaFilePaths, legacyQuotaFileSource } =
    await import('../core/credentials/legacy-quota-file');
  const lookup = await legacyQuotaFileSource(ctx.env, ctx.files).find();
  const cred = lookup.credentials[0];
  if (!cred) {
    const first = lookup.problems[0];
    if (first) {
      if (!ctx.json)
        for (const p of lookup.problems) ctx.io.err(tr.t('auth.import.problem', { message: p.message }));
      return fail(ctx, first.error ?? { kind: 'config', reason: 'corruptFile', detail: first.message });
    }
    const detail = tr.t('auth.import.none', { paths: legacyQuotaFilePaths(ctx.env).join(', ') });
    return fail(ctx, { kind: 'config', reason: 'noCredential', detail }, detail);
  }
  const path = cred.origin;
  if (!ctx.json) ctx.io.err(tr.t('auth.import.found', { path }));
  // The seed's file holds a github.com token: it is never sent to another server, not even to check it.
  const server = webHost(ctx.apiUrl);
  if (!mayUseOn(cred, server, loopbackChosen(ctx))) {
    const detail = tr.t('auth.import.otherHost', { host: server });
    return fail(ctx, { kind: 'config', reason: 'badInput', detail }, tr.t('auth.notSaved'));
  }

  const check = await checkLive(cred.token, ctx, d);
  if (!check.ok) return fail(ctx, check.error, tr.t('auth.notSaved'));
  if (cred.login && cred.login !== check.login && !ctx.json) {
    const same = cred.login.toLowerCase() === check.login.toLowerCase();
    ctx.io.err(
      tr.t(same ? 'auth.loginCase' : 'auth.import.fileUser', { login: check.login, given: cred.login }),
    );
  }
  if (!check.planDetected && cred.plan && !ctx.json) {
    ctx.io.err(tr.t('auth.planFromFile', { plan: planLabel(tr, cred.plan) }));
  }
  // The file's tier is the user's own earlier choice: it wins over "unknown", not over what GitHub says.
  const code = await save(cred.token, check, cred.plan ?? null, ctx, d);
  if (code !== EXIT.ok) return code;

  const remove =
    ctx.flags.delete || (await ctx.io.confirm(tr.t('auth.import.deleteQuestion', { path }), false));
  if (!remove) {
    if (!ctx.json) ctx.io.err(tr.t('auth.import.kept', { path }));
    return EXIT.ok;
  }
  try {
    await d.removeFile(path);
    if (!ctx.json) ctx.io.err(tr.t('auth.import.deleted', { path }));
  } catch (e) {
    const reason = (e as { code?: unknown }).code;
    ctx.io.err(
      tr.t('auth.import.deleteFailed', { path, reason: typeof reason === 'string' ? reason : 'error' }),
    );
  }
  return EXIT.ok;
}
