/**
 * A real setup "world" for service and e2e tests: the real engine and setup service, talking over real HTTP to
 * the fake GitHub, with real settings and credential files in a temp HOME, and a SecretStore (memory unless the
 * caller hands in the real keychain). Nothing here is a mock; only the browser and Electron are absent.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Result, SaveResult } from '../../shared/ipc';
import { createEngine } from '../../main/core/engine';
import { FetchHttp } from '../../main/core/http';
import type { Env } from '../../main/core/ports';
import { nodeFiles, systemClock } from '../../main/core/system';
import { createMemoryStore } from '../../main/secrets/memory';
import type { SecretStore } from '../../main/secrets/types';
import { openSettings, type SettingsStore } from '../../main/settings/store';
import { createDispatch, type Dispatch } from '../../main/setup/dispatch';
import { createSetupService, type SetupService } from '../../main/setup/service';
import { engineSetupDeps } from '../../main/setup/wire';
import { startFakeGitHub, type FakeGitHub, type FakeState } from '../fake-github/server';

export const PAT = 'github_pat_11AAAAAAA0secretPartOfTheToken_wxyz9876';
export const CLASSIC = 'ghp_classicSecretPart0123456789abcd5432';
export const OAUTH = 'gho_opencodeOauthSecret0123456789aa1111';
export const LEGACY_PAT = 'github_pat_11LEGACYLEGACYsecretLegacyToken_leg4';

export interface SetupWorld {
  fake: FakeGitHub;
  home: string;
  env: Env;
  settings: SettingsStore;
  secrets: SecretStore;
  service: SetupService;
  dispatch: Dispatch;
  opened: string[];
  /** Hosts the service asked the user about before opening a page there (confirmOpen). */
  confirmAsked: string[];
  saved: SaveResult[];
  closed: number;
  /** Times the wizard asked main to open the Usage window (its last step's link). */
  usageOpened: number;
  /** Times the service told the tray that credentials changed (a token removed, a found login chosen). */
  credentialsChanged: number;
  /** Writes a file under the temp HOME (credential files of other apps). */
  writeHomeFile(rel: string, content: unknown): string;
  cleanup(): Promise<void>;
}

export interface WorldOptions {
  fake?: Partial<FakeState>;
  secrets?: SecretStore;
  /** Files under HOME before the service starts, e.g. { '.local/share/opencode/auth.json': {...} }. */
  homeFiles?: Record<string, unknown>;
  /** The configured API before the wizard runs; the fake GitHub's URL unless given (e.g. github.com's default). */
  apiUrl?: string;
  /** The user's answer when asked to open a page on an unsaved host; null = the service has no way to ask. */
  confirmOpen?: boolean | null;
}

export async function startSetupWorld(opts: WorldOptions = {}): Promise<SetupWorld> {
  const fake = await startFakeGitHub(opts.fake ?? {});
  const home = mkdtempSync(join(tmpdir(), 'cm-setup-'));
  const writeHomeFile = (rel: string, content: unknown): string => {
    const p = join(home, rel);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content));
    return p;
  };
  for (const [rel, content] of Object.entries(opts.homeFiles ?? {})) writeHomeFile(rel, content);
  // Only HOME-relative places: the developer's real credential files are never read.
  const env: Env = {
    vars: { HOME: home, COPILOT_METER_CONFIG_DIR: join(home, 'config') },
    platform: 'linux',
    homedir: home,
  };
  const settings = openSettings({ env });
  settings.update({ apiUrl: opts.apiUrl ?? fake.url });
  const secrets = opts.secrets ?? createMemoryStore();
  // random 0: retries happen without waiting, so "offline" answers quickly.
  const engine = createEngine({
    http: new FetchHttp(),
    clock: systemClock,
    env,
    files: nodeFiles,
    secrets,
    random: () => 0,
  });
  const world: SetupWorld = {
    fake,
    home,
    env,
    settings,
    secrets,
    opened: [],
    confirmAsked: [],
    saved: [],
    closed: 0,
    usageOpened: 0,
    credentialsChanged: 0,
    writeHomeFile,
    service: undefined as unknown as SetupService,
    dispatch: undefined as unknown as Dispatch,
    async cleanup() {
      await fake.close().catch(() => undefined);
      rmSync(home, { recursive: true, force: true });
    },
  };
  world.service = createSetupService({
    // The world's configured API is the fake GitHub on loopback, chosen here as the environment would choose
    // it (COPILOT_METER_API_URL), so github.com sign-ins on disk go to it; a server set through setServer does not.
    ...engineSetupDeps({ engine, clock: systemClock, env, secrets, settings, loopbackPlaysGithub: true }),
    openUrl: async (url) => {
      world.opened.push(url);
    },
    ...(opts.confirmOpen === null
      ? {}
      : {
          confirmOpen: async (host: string) => {
            world.confirmAsked.push(host);
            return opts.confirmOpen ?? true;
          },
        }),
    close: () => {
      world.closed += 1;
    },
    openUsage: () => {
      world.usageOpened += 1;
    },
    onSaved: (r) => world.saved.push(r),
    onCredentialsChanged: () => {
      world.credentialsChanged += 1;
    },
  });
  world.dispatch = createDispatch(world.service);
  return world;
}

/** A fine-grained PAT with Plan: read for octocat in the credits world (Pro, 1,087.75 used). */
export const patState = (billing: unknown, extra: Partial<FakeState> = {}): Partial<FakeState> => ({
  ...extra,
  tokens: {
    [PAT]: { login: 'octocat', kind: 'pat', permissions: ['plan'], expiresAt: '2027-02-22 00:00:00 UTC' },
    [CLASSIC]: { login: 'octocat', kind: 'pat', permissions: ['plan'] },
    [LEGACY_PAT]: { login: 'octocat', kind: 'pat', permissions: ['plan'] },
    ...extra.tokens,
  },
  billing: { octocat: { aiCredits: billing }, ...extra.billing },
});

/** The value of an ok Result, or a failing test that shows the error. */
export function value<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.error)}`);
  return r.value;
}

/** The error of a failed Result, or a failing test that shows the value. */
export function error<T>(r: Result<T>) {
  if (r.ok) throw new Error(`expected an error, got ${JSON.stringify(r.value)}`);
  return r.error;
}
