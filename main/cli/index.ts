/**
 * CLI entry (bundled to dist/cli.mjs, launched by bin/copilot-meter.mjs). Wires the real seams, reads settings
 * (the same file the tray app uses), and dispatches. Heavy modules (keytar, conf) load only when needed, so
 * `copilot-meter status` with COPILOT_METER_TOKEN starts about as fast as a bare `node` + one fetch.
 */
import { errorInfo, type ErrorInfo } from '../../shared/errors';
import { tokenTextProblem } from '../../shared/tokens';
import { describeError, pickLanguage, type Lang, type Translator } from '../../shared/i18n';
import { createEngine } from '../core/engine';
import { normalizeApiUrl } from '../core/github/url';
import { FetchHttp } from '../core/http';
import type { Env } from '../core/ports';
import { nodeFiles, systemClock, systemEnv } from '../core/system';
import type { UsagePreferences } from '../core/strategies/types';
import type { SecretStore } from '../secrets/types';
import type { AccountSettings, Settings } from '../settings/types';
import { parseCli, UsageError, type GlobalOptions } from './args';
import type { CliContext } from './context';
import { EXIT, exitCodeFor } from './exit-codes';
import { terminalIo } from './io';
import { render, runStatusOnce } from './status';
import { activeAccountOf } from '../settings/accounts';
import { openHistory, type HistoryStore } from '../core/history/store';
import { cliTranslator } from './words';

declare const __VERSION__: string | undefined;
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev';

async function loadSettings(
  env: ReturnType<typeof systemEnv>,
): Promise<{ settings: Settings | null; problems: string[]; history: HistoryStore | null }> {
  let history: HistoryStore | null = null;
  try {
    const { openSettings, settingsDir } = await import('../settings/store');
    // The daily history lives beside settings.json, shared with the app (main/core/history/store.ts).
    history = openHistory({ dir: settingsDir(env) });
    const store = openSettings({ env });
    return { settings: store.get(), problems: [...store.problems], history };
  } catch (e) {
    return { settings: null, problems: [`settings could not be read: ${(e as Error).message}`], history };
  }
}

/**
 * The saved account this run reads when no token is given for it: the one --user / COPILOT_METER_USER names
 * (none when that login is not saved: then nothing is left out), else the active one (settings.activeAccount,
 * else the first), as in the tray.
 */
function chosenAccount(settings: Settings | null, user: string | undefined): AccountSettings | undefined {
  if (!settings) return undefined;
  const active = activeAccountOf(settings);
  if (!user) return active;
  const named = settings.accounts.filter((a) => a.login.toLowerCase() === user.toLowerCase());
  return named.find((a) => a === active) ?? named[0];
}

/**
 * Whether a loopback API was chosen outside any renderer, for this run: by --api-url or COPILOT_METER_API_URL.
 * Only then do github.com sign-ins found on disk go to it (a loopback URL in settings may come from the wizard).
 */
function loopbackChosen(opts: { apiUrl?: string }, env: { vars: Env['vars'] }): boolean {
  return opts.apiUrl !== undefined || Boolean(env.vars.COPILOT_METER_API_URL?.trim());
}

export async function main(argv: readonly string[]): Promise<number> {
  const io = terminalIo();
  const env = systemEnv();
  const sysLang = Intl.DateTimeFormat().resolvedOptions().locale;
  const envLangs = [env.vars.LC_ALL, env.vars.LC_MESSAGES, env.vars.LANG];
  let tr: Translator = cliTranslator(pickLanguage([...envLangs, sysLang]));

  let opts: GlobalOptions;
  try {
    opts = parseCli(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(tr.t('cli.usageError', { message: tr.t(e.key, e.params) }));
      return EXIT.usage;
    }
    throw e;
  }
  if (opts.command === 'version') {
    io.out(VERSION);
    return EXIT.ok;
  }
  if (opts.command === 'help') {
    io.out(cliTranslator(opts.lang ?? tr.lang).t('cli.help'));
    return EXIT.ok;
  }

  const { settings, problems: settingsProblems, history } = await loadSettings(env);
  const lang: Lang = opts.lang ?? settings?.language ?? tr.lang;
  tr = cliTranslator(lang);
  for (const p of settingsProblems) io.err(tr.t('cli.problem', { origin: 'settings', message: p }));

  let apiUrl: string;
  try {
    apiUrl = normalizeApiUrl(
      opts.apiUrl ?? env.vars.COPILOT_METER_API_URL ?? settings?.apiUrl ?? 'https://api.github.com',
    );
  } catch (e) {
    const info = errorInfo(e) ?? { kind: 'config', reason: 'badInput', detail: String(e) };
    // A status bar or a script reading --json must still get a document that says what is wrong.
    if (opts.command === 'status' && opts.format !== 'text') {
      io.out(
        render(
          { ok: false, error: info, attempts: [] },
          opts.format,
          tr,
          [],
          settings?.thresholds ?? [75, 90, 100],
        ),
      );
    } else {
      io.err(describeError(info, tr));
    }
    return exitCodeFor(info);
  }

  const thresholds = settings?.thresholds ?? [75, 90, 100];
  let secretsPromise: Promise<SecretStore> | undefined;
  const openSecrets = () =>
    (secretsPromise ??= import('../secrets/keychain').then(({ createKeychainStore }) =>
      createKeychainStore(),
    ));

  const ctx: CliContext = {
    io,
    tr,
    apiUrl,
    apiUrlFromFlag: opts.apiUrl !== undefined,
    json: opts.format === 'json',
    flags: {
      ...(opts.user ? { user: opts.user } : {}),
      ...(opts.plan ? { plan: opts.plan } : {}),
      ...opts.authFlags,
    },
    env,
    files: nodeFiles,
    http: new FetchHttp(),
    clock: systemClock,
    openSecrets,
  };

  if (opts.command === 'auth') {
    const { runAuthCommand } = await import('./auth');
    return runAuthCommand(opts.rest, ctx);
  }
  if (opts.command === 'config') {
    const { runConfigCommand } = await import('./config');
    return runConfigCommand(opts.rest, ctx);
  }

  // An explicit token for this run (stdin or COPILOT_METER_TOKEN) is tried first; the keychain is then not opened.
  // Sign-ins found on disk stay available: they can detect the plan, and the chain falls back to them. A stdin
  // token is its own source ('stdin'), so the output names where it really came from.
  let stdinToken: string | undefined;
  if (opts.tokenStdin) {
    stdinToken = (await io.readStdin()).trim();
    if (!stdinToken) {
      io.err(tr.t('cli.usageError', { message: tr.t('cli.stdinEmpty') }));
      return EXIT.usage;
    }
  }
  const explicit = stdinToken !== undefined || Boolean(env.vars.COPILOT_METER_TOKEN?.trim());
  // An explicit token that cannot be one (a zero-width space, an emoji, a control character, megabytes) is
  // refused before any request, with its own message, instead of failing inside fetch as "cannot reach GitHub".
  const explicitText = stdinToken ?? env.vars.COPILOT_METER_TOKEN?.trim();
  const tokenProblem = explicitText ? tokenTextProblem(explicitText) : null;
  if (tokenProblem) {
    const info: ErrorInfo = {
      kind: 'config',
      reason: 'badInput',
      token: tokenProblem,
      detail: stdinToken !== undefined ? 'the token on stdin' : 'COPILOT_METER_TOKEN',
    };
    if (opts.format !== 'text') {
      io.out(render({ ok: false, error: info, attempts: [] }, opts.format, tr, [], thresholds));
    } else io.err(describeError(info, tr));
    return exitCodeFor(info);
  }

  const prefs: UsagePreferences = {};
  const user = opts.user ?? env.vars.COPILOT_METER_USER;
  // Only the chosen account's saved token is tried (others would show whichever answers first); an explicit
  // token or server for this run keeps every token that fits it, as before.
  const account = explicit || opts.apiUrl !== undefined ? undefined : chosenAccount(settings, user);
  const login = user ?? (explicit ? undefined : chosenAccount(settings, undefined)?.login);
  if (login) prefs.login = login;
  const plan = opts.plan ?? settings?.plan ?? undefined;
  if (plan) prefs.plan = plan;
  const allowance = opts.allowance ?? settings?.allowanceOverride ?? undefined;
  if (allowance) prefs.allowance = allowance;

  const engine = createEngine({
    http: ctx.http,
    clock: ctx.clock,
    env,
    files: ctx.files,
    secrets: explicit ? null : await openSecrets().catch(() => null),
    ...(stdinToken !== undefined ? { stdinToken } : {}),
  });
  const inputs = {
    engine,
    prefs,
    thresholds: settings?.thresholds ?? [75, 90, 100],
    keychainExpected: !explicit && (settings?.accounts.some((a) => !a.sessionOnly) ?? false),
    loopbackPlaysGithub: loopbackChosen(opts, env),
    ...(opts.user ? { requestedUser: opts.user } : {}),
    ...(account ? { account: { host: account.host, login: account.login } } : {}),
    ...(history ? { history } : {}),
    problems: async () => {
      // The files the refresh just read, not a second read of every source.
      const found = engine.lastLookup() ?? (await engine.findCredentials());
      return found.problems.map((p) => ({
        source: p.source,
        origin: p.origin,
        message: p.message,
        ...(p.error ? { error: p.error } : {}),
      }));
    },
  };

  if (opts.command === 'history' || opts.command === 'guard') {
    const { runGuard, runHistory } = await import('./history');
    const code = await (opts.command === 'history' ? runHistory : runGuard)(opts, ctx, inputs);
    // What was wrong with the history file (a corrupt copy kept aside) is said once, like settings problems.
    for (const p of history?.problems ?? []) io.err(tr.t('cli.problem', { origin: 'history', message: p }));
    return code;
  }
  if (opts.watch === undefined) {
    const code = await runStatusOnce(opts, ctx, inputs);
    for (const p of history?.problems ?? []) io.err(tr.t('cli.problem', { origin: 'history', message: p }));
    return code;
  }
  for (;;) {
    if (opts.format === 'text' && process.stdout.isTTY) io.out('\x1b[2J\x1b[H');
    await runStatusOnce(opts, ctx, inputs);
    await ctx.clock.sleep(opts.watch * 1000);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    // A bug, not a user error: say so without dumping anything that could hold a secret.
    process.stderr.write(`copilot-meter: unexpected error: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = EXIT.internal;
  },
);
