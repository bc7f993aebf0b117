/** Shared set-up for strategy, chain, engine and setup-check tests: a real fake GitHub and a controllable clock. */
import type { CredentialSourceId } from '../../../shared/domain';
import type { Credential } from '../../../main/core/credentials/types';
import { createGitHubClient } from '../../../main/core/github/client';
import type { GitHubClient } from '../../../main/core/github/types';
import { FetchHttp } from '../../../main/core/http';
import type { Clock } from '../../../main/core/ports';
import type { StrategyContext, UsagePreferences } from '../../../main/core/strategies/types';
import { startFakeGitHub, type FakeGitHub, type FakeState } from '../../fake-github/server';

/** Mid-November 2026: the fixtures' period (credits world), reset on 2026-12-01. */
export const NOW = Date.parse('2026-11-14T10:00:00.000Z');

export interface TestClock extends Clock {
  set(ms: number): void;
  advance(ms: number): void;
}

/** Sleeps resolve at once (retry waits must not slow the suite); time moves only when the test says. */
export function testClock(start = NOW): TestClock {
  let t = start;
  return {
    now: () => t,
    sleep: async () => {},
    setTimer: () => () => {},
    set: (ms) => void (t = ms),
    advance: (ms) => void (t += ms),
  };
}

export interface Harness {
  fake: FakeGitHub;
  clock: TestClock;
  github: GitHubClient;
  ctx(credentials?: readonly Credential[], prefs?: UsagePreferences): StrategyContext;
  close(): Promise<void>;
}

export async function harness(init: Partial<FakeState>, start = NOW): Promise<Harness> {
  const clock = testClock(start);
  const fake = await startFakeGitHub(init, { now: () => clock.now() });
  const github = createGitHubClient({ apiUrl: fake.url, http: new FetchHttp(), clock, retries: 0 });
  return {
    fake,
    clock,
    github,
    ctx: (credentials = [], prefs = {}) => ({ github, clock, prefs, credentials }),
    close: () => fake.close(),
  };
}

export function cred(
  kind: Credential['kind'],
  token: string,
  source: CredentialSourceId,
  extra: Partial<Credential> = {},
): Credential {
  return { kind, token, source, origin: `test:${source}`, ...extra };
}
