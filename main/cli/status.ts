/** `copilot-meter status`: one refresh through the same engine the tray uses, rendered in the chosen format. */
import type { CredentialSourceId, RefreshResult } from '../../shared/domain';
import type { UsagePreferences } from '../core/strategies/types';
import { withMessages, type Translator } from '../../shared/i18n';
import type { Outlook } from '../../shared/history';
import { outlookOf } from '../core/history/outlook';
import type { HistoryStore } from '../core/history/store';
import type { Format, GlobalOptions } from './args';
import type { CliContext } from './context';
import { EXIT, exitCodeFor } from './exit-codes';
import {
  renderFailureText,
  renderJson,
  renderOneline,
  renderText,
  renderWaybar,
  type Problem,
} from './render';

export interface StatusEngine {
  refresh(
    opts: {
      apiUrl: string;
      prefs: UsagePreferences;
      sources?: CredentialSourceId[];
      keychainExpected?: boolean;
      account?: { host: string; login: string };
      loopbackPlaysGithub?: boolean;
      history?: HistoryStore;
      historyMonths?: number;
    },
    signal?: AbortSignal,
  ): Promise<RefreshResult & { problems?: Problem[] }>;
}

export interface StatusInputs {
  engine: StatusEngine;
  prefs: UsagePreferences;
  /** Limit to these credential sources. */
  sources?: CredentialSourceId[];
  /** Settings list a token saved in the keychain (so an unreadable keychain is the error to report). */
  keychainExpected?: boolean;
  /** The saved account to read: the keychain tokens of other accounts are left out (RefreshOptions.account). */
  account?: { host: string; login: string };
  /** A loopback API came from --api-url or the environment: github.com sign-ins on disk may go to it. */
  loopbackPlaysGithub?: boolean;
  thresholds: readonly number[];
  /** The daily history shared with the app (pace and forecast come from it); absent = none. */
  history?: HistoryStore;
  /**
   * The login given with --user. The billing API is read for the token's own login (GitHub shows nobody
   * else's), so a reading of another account is refused rather than shown as if it were @requestedUser's.
   */
  requestedUser?: string;
  /** Credential-file problems found while looking (corrupted auth.json…), shown as notes. */
  problems: () => Promise<Array<Problem & { source?: string }>>;
}

export function render(
  result: RefreshResult,
  format: Format,
  tr: Translator,
  problems: Problem[],
  thresholds: readonly number[],
  outlook?: Outlook | null,
): string {
  switch (format) {
    case 'json':
      return renderJson(result, tr, problems, outlook);
    case 'oneline':
      return renderOneline(result, tr);
    case 'waybar':
      return renderWaybar(result, tr, thresholds, outlook);
    case 'text':
      return result.ok
        ? renderText(result.snapshot, tr, problems, outlook)
        : renderFailureText(result.error, result.attempts, tr, problems);
  }
}

/**
 * One refresh with the inputs (keeping the history up to date when there is one); a reading of another login
 * than --user asked for is refused (refuseOtherAccount).
 */
export async function refreshWith(
  ctx: CliContext,
  inputs: StatusInputs,
  historyMonths?: number,
): Promise<RefreshResult> {
  const req: Parameters<StatusEngine['refresh']>[0] = {
    apiUrl: ctx.apiUrl,
    prefs: inputs.prefs,
    keychainExpected: inputs.keychainExpected ?? false,
    loopbackPlaysGithub: inputs.loopbackPlaysGithub ?? true,
  };
  if (inputs.sources) req.sources = inputs.sources;
  if (inputs.account) req.account = inputs.account;
  if (inputs.history) req.history = inputs.history;
  if (historyMonths !== undefined) req.historyMonths = historyMonths;
  return refuseOtherAccount(await inputs.engine.refresh(req), inputs.requestedUser, ctx.tr);
}

/** Pace and forecast of a reading, from the history (core computes them; the CLI only shows them). */
export function outlookFor(result: RefreshResult, inputs: StatusInputs, now: number): Outlook | null {
  if (!result.ok) return null;
  const s = result.snapshot;
  try {
    return outlookOf(s, inputs.history?.readMonth(s.account, s.period) ?? null, now);
  } catch {
    return null;
  }
}

export async function runStatusOnce(
  opts: GlobalOptions,
  ctx: CliContext,
  inputs: StatusInputs,
): Promise<number> {
  const result = await refreshWith(ctx, inputs);
  // After a success, a keychain that cannot be opened is not worth a note on every run (headless machines
  // reading an OpenCode sign-in); a corrupted credential file always is.
  const problems = (await inputs.problems()).filter((p) => !result.ok || p.source !== 'keychain');
  // No token anywhere and no keychain to keep one: `auth set` would fail too, so the way out is the variable.
  const noKeychain = problems.some((p) => p.error?.kind === 'keychain');
  const tr =
    !result.ok && result.error.kind === 'config' && result.error.reason === 'noCredential' && noKeychain
      ? withMessages(ctx.tr, { 'error.config.noCredential': 'cli.noCredentialNoKeychain' })
      : ctx.tr;
  const text = render(
    result,
    opts.format,
    tr,
    problems,
    inputs.thresholds,
    outlookFor(result, inputs, ctx.clock.now()),
  );
  // Machine formats go to stdout even on failure (a status bar must show the error); text failures to stderr.
  if (result.ok || opts.format !== 'text') ctx.io.out(text);
  else ctx.io.err(text);
  return result.ok ? EXIT.ok : exitCodeFor(result.error);
}

/** A reading of another login than --user asked for becomes a usage error (exit 2) that names both. */
function refuseOtherAccount(
  result: RefreshResult,
  requested: string | undefined,
  tr: Translator,
): RefreshResult {
  if (!result.ok || !requested) return result;
  const wanted = requested.replace(/^@/, '');
  const actual = result.snapshot.account.login;
  if (actual.toLowerCase() === wanted.toLowerCase()) return result;
  return {
    ok: false,
    error: {
      kind: 'config',
      reason: 'badInput',
      detail: tr.t('cli.err.userMismatch', { requested: wanted, actual }),
    },
    attempts: result.attempts,
  };
}
