/** `copilot-meter status`: one refresh through the same engine the tray uses, rendered in the chosen format. */
import type { CredentialSourceId, RefreshResult } from '../../shared/domain';
import type { UsagePreferences } from '../core/strategies/types';
import type { Translator } from '../../shared/i18n';
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
  thresholds: readonly number[];
  /** The daily history shared with the app (pace and forecast come from it); absent = none. */
  history?: HistoryStore;
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
      return renderWaybar(result, tr, thresholds);
    case 'text':
      return result.ok
        ? renderText(result.snapshot, tr, problems, outlook)
        : renderFailureText(result.error, result.attempts, tr, problems);
  }
}

/** One refresh with the inputs (keeping the history up to date when there is one). */
export function refreshWith(
  ctx: CliContext,
  inputs: StatusInputs,
  historyMonths?: number,
): Promise<RefreshResult & { problems?: Problem[] }> {
  const req: Parameters<StatusEngine['refresh']>[0] = {
    apiUrl: ctx.apiUrl,
    prefs: inputs.prefs,
    keychainExpected: inputs.keychainExpected ?? false,
  };
  if (inputs.sources) req.sources = inputs.sources;
  if (inputs.account) req.account = inputs.account;
  if (inputs.history) req.history = inputs.history;
  if (historyMonths !== undefined) req.historyMonths = historyMonths;
  return inputs.engine.refresh(req);
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
  const text = render(
    result,
    opts.format,
    ctx.tr,
    problems,
    inputs.thresholds,
    outlookFor(result, inputs, ctx.clock.now()),
  );
  // Machine formats go to stdout even on failure (a status bar must show the error); text failures to stderr.
  if (result.ok || opts.format !== 'text') ctx.io.out(text);
  else ctx.io.err(text);
  return result.ok ? EXIT.ok : exitCodeFor(result.error);
}
