/** `copilot-meter status`: one refresh through the same engine the tray uses, rendered in the chosen format. */
import type { CredentialSourceId, RefreshResult } from '../../shared/domain';
import type { UsagePreferences } from '../core/strategies/types';
import type { Translator } from '../../shared/i18n';
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
    loopbackPlaysGithub?: boolean;
  } = {
    apiUrl: ctx.apiUrl,
    prefs: inputs.prefs,
    keychainExpected: inputs.keychainExpected ?? false,
    loopbackPlaysGithub: inputs.loopbackPlaysGithub ?? true,
  };
  if (inputs.sources) req.sources = inputs.sources;
  if (inputs.account) req.account = inputs.account;
  const result = await inputs.engine.refresh(req);
  // After a success, a keychain that cannot be opened is not worth a note on every run (headless machines
  // reading an OpenCode sign-in); a corrupted credential file always is.
  const problems = (await inputs.problems()).filter((p) => !result.ok || p.source !== 'keychain');
  const text = render(result, opts.format, ctx.tr, problems, inputs.thresholds);
  // Machine formats go to stdout even on failure (a status bar must show the error); text failures to stderr.
  if (result.ok || opts.format !== 'text') ctx.io.out(text);
  else ctx.io.err(text);
  return result.ok ? EXIT.ok : exitCodeFor(result.error);
}
