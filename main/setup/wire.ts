/**
 * Builds the setup service's dependencies from the engine, so the tray app (and the e2e test) wire it in one
 * call: the token check shares the engine's GitHub client and sees the other credentials (an OAuth login can
 * reveal the plan), and the first reading is an ordinary engine refresh with the saved settings.
 */
import type { CredentialSourceId } from '../../shared/domain';
import type { Engine, RefreshOptions } from '../core/engine';
import { checkPat } from '../core/pat-check';
import type { Clock, Env } from '../core/ports';
import { removeFile } from '../core/system';
import type { UsagePreferences } from '../core/strategies/types';
import type { SecretStore } from '../secrets/types';
import type { Settings } from '../settings/types';
import type { SetupFiles, SetupServiceDeps, SetupSettings } from './service';
import { activeAccountOf } from '../settings/accounts';

/** Deletes a file; false when it was already gone. */
export const nodeSetupFiles: SetupFiles = { remove: removeFile };

export { activeAccountOf } from '../settings/accounts';

/** What the user told us in settings, as strategy preferences (the active account's login, plan, allowance). */
export function prefsFromSettings(s: Settings): UsagePreferences {
  const prefs: UsagePreferences = {};
  const active = activeAccountOf(s);
  if (active) prefs.login = active.login;
  if (s.plan) prefs.plan = s.plan;
  if (s.allowanceOverride) prefs.allowance = s.allowanceOverride;
  return prefs;
}

/**
 * One engine refresh's options from settings. keychainExpected: an account's token was saved in the keychain, so
 * a keychain that cannot be read is the problem to report (start or unlock it), not "no token found".
 * account: the active one, so the keychain tokens of the other saved accounts stay out of this reading.
 */
export function refreshOptions(
  s: Settings,
  apiUrl: string,
  sources?: CredentialSourceId[],
  loopbackPlaysGithub = false,
): RefreshOptions {
  const active = activeAccountOf(s);
  return {
    apiUrl,
    loopbackPlaysGithub,
    prefs: prefsFromSettings(s),
    keychainExpected: s.accounts.some((a) => !a.sessionOnly),
    ...(sources ? { sources } : {}),
    ...(active ? { account: { host: active.host, login: active.login } } : {}),
  };
}

export interface EngineSetupOptions {
  engine: Engine;
  clock: Clock;
  env: Env;
  secrets: SecretStore;
  settings: SetupSettings;
  files?: SetupFiles;
  /** Overrides settings.apiUrl (tests point this at the fake GitHub). */
  apiUrl?: string;
  /**
   * The configured API, when it is a loopback one, was chosen outside the renderer (the environment's
   * COPILOT_METER_API_URL, a test world): only then do github.com sign-ins found on disk go to it. Default false.
   */
  loopbackPlaysGithub?: boolean;
}

export function engineSetupDeps(o: EngineSetupOptions): SetupServiceDeps {
  const apiUrl = () => o.apiUrl ?? o.settings.get().apiUrl;
  const deps: SetupServiceDeps = {
    secrets: o.secrets,
    settings: o.settings,
    files: o.files ?? nodeSetupFiles,
    env: o.env,
    findCredentials: (sources) => o.engine.findCredentials(sources),
    async checkPat(token, { apiUrl: url, rendererChose }) {
      const found = await o.engine.findCredentials().catch(() => null);
      const prefs = prefsFromSettings(o.settings.get());
      return checkPat(token, {
        apiUrl: url,
        clock: o.clock,
        github: o.engine.client(url),
        prefs,
        credentials: found?.credentials ?? [],
        loopbackPlaysGithub: !rendererChose && (o.loopbackPlaysGithub ?? false),
      });
    },
    refresh(opts?: { sources?: CredentialSourceId[]; rendererChose?: boolean }) {
      const trusted = !opts?.rendererChose && (o.loopbackPlaysGithub ?? false);
      return o.engine.refresh(refreshOptions(o.settings.get(), apiUrl(), opts?.sources, trusted));
    },
  };
  if (o.loopbackPlaysGithub) deps.loopbackPlaysGithub = true;
  if (o.apiUrl) deps.apiUrl = o.apiUrl;
  return deps;
}
