/** `copilot-meter status`: one refresh through the same engine the tray uses, rendered in the chosen format. */
import type { CredentialSourceId, RefreshResult } from '../../shared/domain';
import type { UsagePreferences } from '../core/strategies/types';
import { withMessages, type Translator } from '../../shared/i18n';
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
  thresholds: readonly number[];
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
): string {
  switch (format) {
    case 'json':
      return renderJson(result, tr, problems);
    case 'oneline':
      return renderOneline(result, tr);
    case 'waybar':
      return renderWaybar(result, tr, thresholds);
    case 'text':
      return result.ok
        ? renderText(result.snapshot, tr, problems)
        : renderFailureText(result.error, result.attempts, tr, problems);
  }
}

export async function runStatusOnce(
  opts: GlobalOptions,
  ctx: CliContext,
  inputs: StatusInputs,
): Promise<number> {
  const req: {
    apiUrl: string;
    prefs: UsagePreferences;
    sources?: CredentialSourceId[];
    keychainExpected?: boolean;
    account?: { host: string; login: string };
  } = { apiUrl: ctx.apiUrl, prefs: inputs.prefs, keychainExpected: inputs.keychainExpected ?? false };
  if (inputs.sources) req.sources = inputs.sources;
  if (inputs.account) req.account = inputs.account;
  const result = refuseOtherAccount(await inputs.engine.refresh(req), inputs.requestedUser, ctx.tr);
  // After a success, a keychain that cannot be opened is not worth a note on every run (headless machines
  // reading an OpenCode sign-in); a corrupted credential file always is.
  const problems = (await inputs.problems()).filter((p) => !result.ok || p.source !== 'keychain');
  // No token anywhere and no keychain to keep one: `auth set` would fail too, so the way out is the variable.
  const noKeychain = problems.some((p) => p.error?.kind === 'keychain');
  const tr =
    !result.ok && result.error.kind === 'config' && result.error.reason === 'noCredential' && noKeychain
      ? withMessages(ctx.tr, { 'error.config.noCredential': 'cli.noCredentialNoKeychain' })
      : ctx.tr;
  const text = render(result, opts.format, tr, problems, inputs.thresholds);
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
