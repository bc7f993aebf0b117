/**
 * Checks a personal access token before it is saved (setup wizard, `copilot-meter auth set`): that it is the
 * right kind of token, who it belongs to (exact-case login), that it has "Plan: read", which billing world the
 * account is in, the plan (detected through an OAuth sibling when one exists), when the token expires, and a
 * first reading. Never throws; never puts the token in a result.
 */
import type { ErrorInfo, TokenProblem } from '../../shared/errors';
import type { TokenCheckView, TokenWarning } from '../../shared/ipc';
import { tokenTextProblem } from '../../shared/tokens';
import { mayUseOn } from './credentials/host';
import type { Credential } from './credentials/types';
import { createGitHubClient } from './github/client';
import type { GitHubClient } from './github/types';
import type { Clock, Http, Random } from './ports';
import { toErrorInfo } from './strategies/common';
import { readPatBilling } from './strategies/pat-billing';
import { scrubSnapshot } from './usage/snapshot';
import type { UsagePreferences } from './strategies/types';

/** The same warnings the wizard shows (shared/ipc.ts), so the two can never drift apart. */
export type PatWarning = TokenWarning;

/** Why a pasted string cannot be a PAT, as a code the wizard/CLI can translate (error.detail is English). */
export type PatFormatProblem = TokenProblem;

/** What the wizard is shown (TokenCheckView) minus the hint, which the caller derives from the token it holds. */
export type PatCheck =
  ({ ok: true } & Omit<TokenCheckView, 'tokenHint'>) | { ok: false; error: ErrorInfo; login?: string };

export interface PatCheckOptions {
  apiUrl: string;
  clock: Clock;
  /** The client to use (the engine's, to share its cache); else one is made from `http`. */
  github?: GitHubClient;
  http?: Http;
  random?: Random;
  /** The user's choices so far (plan, custom allowance); login is always taken from the token. */
  prefs?: UsagePreferences;
  /** Other credentials found (engine.findCredentials()), so an OAuth token can reveal the plan. */
  credentials?: readonly Credential[];
  /** Whether a loopback API may receive github.com sign-ins (credentials/host.ts); default true. */
  loopbackPlaysGithub?: boolean;
  signal?: AbortSignal;
}

/** Format only, no network. Returns the warnings, or the reason it cannot be a PAT. */
export function checkPatFormat(
  raw: string,
): { ok: true; warnings: PatWarning[] } | { ok: false; error: ErrorInfo; problem: PatFormatProblem } {
  const token = raw.trim();
  const bad = (problem: PatFormatProblem, detail: string) => ({
    ok: false as const,
    problem,
    error: { kind: 'config', reason: 'badInput', token: problem, detail } as ErrorInfo,
  });
  const text = tokenTextProblem(token);
  if (text === 'empty') return bad('empty', 'the token is empty');
  if (text === 'whitespace')
    return bad('whitespace', 'the token contains spaces or line breaks; paste it again');
  if (text === 'too-long')
    return bad('too-long', 'the text is longer than 512 characters; copy the token alone');
  if (text === 'characters')
    return bad('characters', 'the token contains characters a GitHub token never has');
  if (token.startsWith('github_pat_')) return { ok: true, warnings: [] };
  if (token.startsWith('ghp_')) return { ok: true, warnings: ['classic-token'] };
  if (token.startsWith('gho_') || token.startsWith('ghu_')) {
    return bad(
      'oauth-token',
      'this is an OAuth token (gho_…), not a personal access token; create a fine-grained token (github_pat_…) with Plan: Read',
    );
  }
  return bad('not-a-pat', 'this does not look like a GitHub personal access token (github_pat_… or ghp_…)');
}

export async function checkPat(token: string, opts: PatCheckOptions): Promise<PatCheck> {
  const format = checkPatFormat(token);
  if (!format.ok) return { ok: false, error: format.error };
  let github: GitHubClient;
  try {
    if (opts.github) github = opts.github;
    else if (opts.http)
      github = createGitHubClient({
        apiUrl: opts.apiUrl,
        http: opts.http,
        clock: opts.clock,
        ...(opts.random ? { random: opts.random } : {}),
      });
    else return { ok: false, error: { kind: 'config', reason: 'other', detail: 'no HTTP transport' } };
  } catch (e) {
    return { ok: false, error: toErrorInfo(e) };
  }

  const credential: Credential = { kind: 'pat', token: token.trim(), source: 'keychain', origin: 'setup' };
  // The login is always learned from the token here: a fresh cache forces GET /user.
  const prefs: UsagePreferences = { ...opts.prefs };
  delete prefs.login;
  const siblings = (opts.credentials ?? []).filter(
    (c) => c.kind !== 'pat' && mayUseOn(c, github.webHost, opts.loopbackPlaysGithub ?? true),
  );
  const r = await readPatBilling(credential, {
    github,
    clock: opts.clock,
    prefs,
    credentials: siblings,
    ...(opts.signal ? { signal: opts.signal } : {}),
  });
  if (!r.ok) return { ok: false, error: r.error, ...(r.login ? { login: r.login } : {}) };
  const d = r.details;
  const warnings: PatWarning[] = [...format.warnings];
  if (d.items === 0) warnings.push('no-usage-yet');
  return {
    ok: true,
    login: d.login,
    host: github.webHost,
    unit: d.unit,
    plan: d.plan,
    planDetected: d.planDetected,
    tokenExpiresAt: d.tokenExpiresAt,
    warnings,
    // A server echoing a token back in a model name must not get it shown by the wizard or the CLI.
    snapshot: scrubSnapshot({ ...r.snapshot, attempts: r.attempts }, [
      credential.token,
      ...siblings.map((c) => c.token),
    ]),
  };
}
