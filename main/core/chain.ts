/**
 * The strategy chain: strategies in order, each over the credentials it selects, until one produces a snapshot.
 * Policy per error kind:
 * - auth, notFound, responseShape: this credential/strategy cannot answer; go on to the next one.
 * - rateLimit, network, timeout, server: GitHub (or the network) is the problem, not the credential; stop and
 *   return it, so we do not hammer other endpoints. Keeping the last good data is the caller's job.
 * - config / anything else: stop; trying other tokens cannot fix a setup problem (e.g. an insecure API URL).
 * When everything failed, the error returned is the one the user should act on (see pickError).
 */
import type { Attempt, RefreshResult, StrategyId } from '../../shared/domain';
import { errorInfo, type ErrorInfo } from '../../shared/errors';
import type { Credential } from './credentials/types';
import type { DayReader } from './history/sync';
import { isTransientInfo, toErrorInfo } from './strategies/common';
import type { StrategyContext, UsageStrategy } from './strategies/types';

interface Failure {
  strategy: StrategyId;
  error: ErrorInfo;
  /** False when the strategy skipped without asking GitHub (e.g. an expired cached session). */
  asked: boolean;
}

const sameError = (a: ErrorInfo | undefined, b: ErrorInfo): boolean =>
  a !== undefined &&
  a.kind === b.kind &&
  ('reason' in a ? a.reason : null) === ('reason' in b ? b.reason : null);

const goesOn = (e: ErrorInfo): boolean =>
  e.kind === 'auth' || e.kind === 'notFound' || e.kind === 'responseShape';

/**
 * The PAT is what the user set up on purpose, so its error (missing Plan permission, seat billed to an org,
 * revoked) is what they can act on, even when OAuth fallbacks failed after it. Otherwise the first failure that
 * actually reached GitHub; a mere skip only when nothing else happened.
 */
export function pickError(failures: readonly Failure[]): ErrorInfo {
  const pat = failures.find((f) => f.strategy === 'pat-billing' && f.asked);
  return (pat ?? failures.find((f) => f.asked) ?? failures[0])!.error;
}

/** A refresh result, plus (PAT route) a reader of single billing days for the history, never serialised. */
export type ChainResult = RefreshResult & { dayReader?: DayReader };

export async function runChain(
  strategies: readonly UsageStrategy[],
  credentials: readonly Credential[],
  ctx: Omit<StrategyContext, 'credentials'>,
): Promise<ChainResult> {
  const full: StrategyContext = { ...ctx, credentials };
  const attempts: Attempt[] = [];
  const failures: Failure[] = [];
  for (const strategy of strategies) {
    for (const credential of strategy.select(credentials)) {
      if (ctx.signal?.aborted) {
        // The run's deadline (engine.ts) stops the chain with what it learned: the attempts so far.
        const reason = errorInfo(ctx.signal.reason);
        return { ok: false, error: reason ?? { kind: 'network', detail: 'cancelled' }, attempts };
      }
      let result;
      try {
        result = await strategy.run(credential, full);
      } catch (e) {
        // Strategies promise not to throw; a bug in one must still not take the chain down.
        result = { ok: false as const, error: toErrorInfo(e), attempts: [] };
      }
      attempts.push(...result.attempts);
      if (!result.ok) {
        // The strategy's conclusion can differ from its last request's error (two 404s mean "seat billed to an
        // organization"; a 200 with no items can too): record it, so the UI can say why it fell back.
        const last = result.attempts.at(-1);
        if (!last || last.outcome !== 'failed' || !sameError(last.error, result.error)) {
          attempts.push({
            strategy: strategy.id,
            credential: credential.source,
            status: null,
            durationMs: 0,
            outcome: 'failed',
            error: result.error,
          });
        }
      }
      if (result.ok) {
        const snapshot = { ...result.snapshot, attempts: [...attempts] };
        return {
          ok: true,
          snapshot,
          attempts: [...attempts],
          ...(result.dayReader ? { dayReader: result.dayReader } : {}),
        };
      }
      if (!goesOn(result.error) || isTransientInfo(result.error)) {
        return { ok: false, error: result.error, attempts };
      }
      failures.push({
        strategy: strategy.id,
        error: result.error,
        asked: result.attempts.some((a) => a.outcome !== 'skipped'),
      });
    }
  }
  if (failures.length === 0) {
    return {
      ok: false,
      error: { kind: 'config', reason: 'noCredential', detail: 'no usable GitHub token was found' },
      attempts,
    };
  }
  return { ok: false, error: pickError(failures), attempts };
}
