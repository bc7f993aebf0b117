/**
 * What the setup wizard can ask main to do, as plain async functions returning results (shared/ipc.ts).
 * Electron-free: main/app/ipc.ts registers these as IPC handlers; the e2e test calls them from a real browser.
 * The token a user pastes stays in this closure (the "pending" check) so saving does not send it again, and no
 * return value ever carries it: only tokenHint ("…abcd").
 */
import type {
  AllowanceSource,
  CredentialSourceId,
  PlanId,
  RefreshResult,
  UsageSnapshot,
} from '../../shared/domain';
import { CREDENTIAL_SOURCE_IDS } from '../../shared/domain';
import { errorInfo, type ErrorInfo } from '../../shared/errors';
import type { Lang } from '../../shared/i18n';
import {
  fail,
  ok,
  type ExternalTarget,
  type FoundCredential,
  type LegacyFileInfo,
  type Result,
  type SaveRequest,
  type SaveResult,
  type ServerChoice,
  SETUP_REFUSAL,
  type SetupState,
  type StoredAccount,
  type TokenCheckView,
  type TokenStore,
  type UseFoundResult,
} from '../../shared/ipc';
import { allowanceFor } from '../../shared/plans';
import { mayUseOn } from '../core/credentials/host';
import type { Credential, CredentialLookup } from '../core/credentials/types';
import { tokenHint } from '../core/credentials/types';
import type { Env } from '../core/ports';
import type { PatCheck } from '../core/pat-check';
import { hasSessionLayer } from '../secrets/session';
import type { SecretStore } from '../secrets/types';
import { accountKey, parseAccountKey } from '../secrets/types';
import type { AccountSettings, Settings } from '../settings/types';
import { legacyQuotaFilePaths } from '../core/credentials/legacy-quota-file';
import { normalizeApiUrl, webHost } from '../core/github/url';
import { exact } from '../core/usage/values';
import { UNKNOWN_SEAT } from '../core/usage/snapshot';

/** The web host of an API URL as typed anywhere (an env override may lack the scheme). */
const webHostOfApi = (apiUrl: string): string => webHost(normalizeApiUrl(apiUrl));
import { externalUrl, isAllowedExternalUrl } from './links';

/** The part of the settings store the wizard needs. */
export interface SetupSettings {
  get(): Settings;
  /**
   * A function of the current file is applied to what is on disk at that moment: after an await (a keychain
   * unlock prompt) the CLI may have changed the file, and a list read before it would undo that change.
   */
  update(change: Partial<Settings> | ((current: Settings) => Settings)): unknown;
}

/** File effects: the legacy token file is the only file the wizard may delete. */
export interface SetupFiles {
  /** True when something was deleted; false when the file was already gone. */
  remove(path: string): Promise<boolean>;
}

export interface SetupServiceDeps {
  /**
   * Live check of a PAT against GitHub (GET /user + billing), bound to http/clock by the caller. `rendererChose`:
   * the API was named by the renderer (setServer), so no github.com sign-in found on disk may go to it.
   */
  checkPat(token: string, opts: { apiUrl: string; rendererChose: boolean }): Promise<PatCheck>;
  /** Every credential on this machine (OpenCode, editors, gh, legacy file, keychain, env), never printed. */
  findCredentials(sources?: CredentialSourceId[]): Promise<CredentialLookup>;
  /**
   * One engine refresh with the saved settings (optionally only some sources), for the first reading.
   * `rendererChose` as for checkPat.
   */
  refresh?(opts?: { sources?: CredentialSourceId[]; rendererChose?: boolean }): Promise<RefreshResult>;
  /**
   * The configured API (deps.apiUrl, else settings), when loopback, was chosen outside the renderer (the
   * environment): github.com sign-ins on disk may go to it. Default false. A server the renderer names never
   * gets them.
   */
  loopbackPlaysGithub?: boolean;
  /** The layered store (main/secrets/session.ts) offers "keep for this session only"; a memory store is one. */
  secrets: SecretStore;
  settings: SetupSettings;
  files: SetupFiles;
  env: Env;
  /** REST API base; defaults to the settings' apiUrl. */
  apiUrl?: string;
  /**
   * Opens an (already allowlisted) URL in the user's browser; shell.openExternal in the app. webHost is the host
   * the service vouches for (github.com, a saved one, or one the user confirmed), for the allowlist at the door.
   */
  openUrl?(url: string, webHost: string): Promise<void>;
  /**
   * Asks the user, in main (never the renderer), whether to open a page on a host not saved in settings: the
   * renderer chose that host (setServer), and a compromised one could pick a phishing site. True = open.
   * Without it, such links are not opened.
   */
  confirmOpen?(host: string): Promise<boolean>;
  /** Closes the wizard window. */
  close?(): void;
  /** Opens the Usage window (the last step's link); without it the link opens nothing. */
  openUsage?(): void;
  onSaved?(result: SaveResult): void;
  /**
   * The credentials the tray reads changed without a save: a token was removed, or a found login was chosen.
   * The tray re-reads them (and leaves a stop caused by the old, e.g. expired, token).
   */
  onCredentialsChanged?(): void;
  onLanguageChanged?(language: Lang | null): void;
  now?(): number;
}

export interface SetupService {
  getState(): Promise<Result<SetupState>>;
  checkToken(req: { token: string }): Promise<Result<TokenCheckView>>;
  save(req: SaveRequest): Promise<Result<SaveResult>>;
  useFound(req: { source: Credential['source'] }): Promise<Result<UseFoundResult>>;
  importLegacy(): Promise<Result<TokenCheckView>>;
  deleteLegacy(): Promise<Result<{ deleted: boolean }>>;
  removeToken(req: { key: string }): Promise<Result<{ removed: boolean }>>;
  setLanguage(req: { language: Lang | null }): Promise<Result<{ language: Lang | null }>>;
  openExternal(req: { target: ExternalTarget }): Promise<Result<{ opened: boolean }>>;
  close(): Promise<Result<{ closed: boolean }>>;
  setServer(req: { address: string }): Promise<Result<ServerChoice>>;
  openUsage(): Promise<Result<{ opened: boolean }>>;
  /**
   * Forgets what this wizard session held (the checked token, an unsaved server choice), as close() does. Not an
   * IPC channel: main calls it when the window is closed another way (its X button, the OS).
   */
  reset(): void;
}

/** Sources the Welcome step offers as "usable without a token" (the app's own stores are listed separately). */
const FOUND_SOURCES = new Set<Credential['source']>(['opencode', 'copilot-editor', 'gh-cli', 'env']);

/** Settings keep only the last four characters; the UI prefixes the ellipsis. */
const last4 = (token: string): string => tokenHint(token).replace(/^…/, '');
const hintOf = (stored: string): string => (stored ? `…${stored.replace(/^…/, '')}` : '…');

/** Any thrown thing → ErrorInfo. Unknown errors are reduced to their name: messages could quote input. */
function toInfo(e: unknown): ErrorInfo {
  const info = errorInfo(e);
  if (info) return info;
  const name = e instanceof Error ? e.name : typeof e;
  return { kind: 'config', reason: 'other', detail: `unexpected ${name}` };
}

async function guard<T>(fn: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await fn();
  } catch (e) {
    return fail(toInfo(e));
  }
}

/**
 * The reading with the user's plan/allowance applied (pat-check reads usage before the plan is chosen), by the
 * same rules as every refresh (buildSnapshot, README "Seat kinds"): a hidden seat stays without a number, a
 * user-level budget GitHub gave stays the cap, an organisation pool gets only a limit the user set, and only a
 * personal seat takes the plan table's allowance.
 */
export function withAllowance(
  s: Omit<UsageSnapshot, 'attempts'> | UsageSnapshot,
  plan: PlanId | null,
  allowance: number | null,
): UsageSnapshot {
  const attempts = 'attempts' in s ? s.attempts : [];
  const seat = s.seat ?? UNKNOWN_SEAT;
  const keep = seat.kind === 'hidden' || (seat.kind === 'budget' && s.allowanceSource === 'github');
  const used = s.used;
  if (keep || used === null) return { ...s, plan: plan ?? s.plan, attempts };
  let limit: number | null;
  let source: AllowanceSource | null;
  if (allowance !== null) [limit, source] = [allowance, 'user'];
  else if (seat.kind === 'personal' && allowanceFor(plan, s.unit) !== null)
    [limit, source] = [allowanceFor(plan, s.unit), 'plan'];
  else if (s.unlimited || s.allowance === null) [limit, source] = [null, null];
  else [limit, source] = [s.allowance, s.allowanceSource];
  const unlimited = limit === null && s.unlimited;
  return {
    ...s,
    plan: plan ?? s.plan,
    allowance: limit,
    allowanceSource: source,
    unlimited,
    // Exact like every other reading (buildSnapshot): 87/300 is 29 % here too, not 28.999… floored to 28.
    remaining: limit === null ? null : exact(limit - used),
    percentUsed: limit === null ? null : limit > 0 ? exact((used / limit) * 100) : null,
    overage: limit === null ? s.overage : Math.max(0, exact(used - limit)),
    attempts,
  };
}

export function createSetupService(deps: SetupServiceDeps): SetupService {
  const now = deps.now ?? Date.now;
  /**
   * The server the user chose in this wizard (GitHub Enterprise), normalised here in main; null = the configured
   * one. Held in memory only until a save writes it to settings, or the wizard closes.
   */
  let server: string | null = null;
  const apiUrl = () => server ?? deps.apiUrl ?? deps.settings.get().apiUrl;
  const webHost = (): string => {
    try {
      return webHostOfApi(apiUrl());
    } catch {
      return 'github.com';
    }
  };
  /** The last successful check, held only in main memory until saved, replaced or the wizard closes. */
  let pending: {
    token: string;
    check: Extract<PatCheck, { ok: true }>;
    legacyPlan: PlanId | null;
    /** The API the token was checked against. */
    apiUrl: string;
    /** That API when the user chose it in the wizard: save stores it in settings. */
    server: string | null;
  } | null = null;

  const view = (token: string, c: Extract<PatCheck, { ok: true }>, fallbackPlan: PlanId | null = null) => {
    const v: TokenCheckView = {
      login: c.login,
      host: c.host,
      unit: c.unit,
      plan: c.plan ?? fallbackPlan,
      planDetected: c.planDetected,
      tokenExpiresAt: c.tokenExpiresAt,
      warnings: c.warnings,
      tokenHint: tokenHint(token),
      snapshot: c.snapshot ? withAllowance(c.snapshot, c.plan ?? fallbackPlan, null) : null,
    };
    return v;
  };

  async function check(token: string, legacyPlan: PlanId | null): Promise<Result<TokenCheckView>> {
    pending = null;
    const chosen = server;
    const url = apiUrl();
    const c = await deps.checkPat(token, { apiUrl: url, rendererChose: chosen !== null });
    if (!c.ok) return fail(c.error);
    pending = { token, check: c, legacyPlan, apiUrl: url, server: chosen };
    return ok(view(token, c, legacyPlan));
  }

  async function lookup(sources?: CredentialSourceId[]): Promise<CredentialLookup> {
    const r = await deps.findCredentials(sources);
    return { credentials: r.credentials ?? [], problems: r.problems ?? [] };
  }

  /** Is the account's token held for this session only? Asks memory only, never the keychain. */
  async function inSession(key: string): Promise<boolean> {
    if (hasSessionLayer(deps.secrets)) return deps.secrets.isSessionOnly(key);
    if (deps.secrets.kind === 'memory') return (await deps.secrets.get(key).catch(() => null)) !== null;
    return false;
  }

  /** Keeps the token in memory only: the layered store's session layer, or a store that is memory anyway. */
  async function keepForSession(key: string, token: string): Promise<boolean> {
    if (hasSessionLayer(deps.secrets)) await deps.secrets.setSessionOnly(key, token);
    else if (deps.secrets.kind === 'memory') await deps.secrets.set(key, token);
    else return false;
    return true;
  }

  /**
   * Does the keychain itself hold exactly this token, under an account it may belong to? Session-only entries do
   * not count (they are gone after a restart), nor does a store that is memory anyway: deleting the legacy file
   * must never destroy the only lasting copy of its token.
   */
  async function keptInKeychain(c: Credential): Promise<boolean> {
    const store = deps.secrets;
    const layered = hasSessionLayer(store);
    if (!layered && store.kind !== 'keychain') return false;
    for (const key of await store.list()) {
      const ref = parseAccountKey(key);
      if (!ref || !mayUseOn(c, ref.host)) continue;
      // The file's username may be stale (a renamed account): the exact token under a matching host is the proof.
      // The layered store answers get() from memory first: a session entry would hide the keychain's.
      if (layered && (await store.isSessionOnly(key))) continue;
      if ((await store.get(key)) === c.token) return true;
    }
    return false;
  }

  /**
   * Hosts whose pages open without asking: github.com and the ones in settings (the server the user saved, or
   * the environment's override, and saved accounts). An unsaved server came from the renderer (setServer).
   */
  function savedHosts(): Set<string> {
    const s = deps.settings.get();
    const hosts = new Set(['github.com', ...s.accounts.map((a) => a.host.toLowerCase())]);
    for (const api of [deps.apiUrl, s.apiUrl]) {
      if (!api) continue;
      try {
        hosts.add(webHostOfApi(api).toLowerCase());
      } catch {
        // An unusable configured URL names no host to trust.
      }
    }
    return hosts;
  }

  async function accounts(settings: Settings): Promise<StoredAccount[]> {
    const active = settings.activeAccount ?? (settings.accounts[0] ? keyOf(settings.accounts[0]) : null);
    const list: StoredAccount[] = [];
    for (const a of settings.accounts) {
      const key = keyOf(a);
      const session = await inSession(key);
      // A session-only account whose token is not in memory any more: the app restarted since.
      const store: TokenStore = a.sessionOnly || session ? 'session' : 'keychain';
      list.push({
        key,
        login: a.login,
        host: a.host,
        tokenHint: hintOf(a.tokenHint),
        tokenExpiresAt: a.tokenExpiresAt,
        lastCheckedAt: a.lastCheckedAt,
        active: key === active,
        store,
        tokenAvailable: store === 'keychain' || session,
      });
    }
    // A token in the keychain that settings forgot about (e.g. stored by the CLI) is still shown, so it can be removed.
    let keys: string[] = [];
    try {
      keys = await deps.secrets.list();
    } catch {
      keys = [];
    }
    for (const key of keys) {
      if (list.some((a) => a.key === key)) continue;
      const ref = parseAccountKey(key);
      if (!ref) continue;
      const secret = await deps.secrets.get(key).catch(() => null);
      list.push({
        key,
        login: ref.login,
        host: ref.host,
        tokenHint: secret ? tokenHint(secret) : '…',
        tokenExpiresAt: null,
        lastCheckedAt: null,
        active: key === active,
        store: (await inSession(key)) ? 'session' : 'keychain',
        tokenAvailable: secret !== null,
      });
    }
    return list;
  }

  const keyOf = (a: Pick<AccountSettings, 'host' | 'login'>) => accountKey(a.host, a.login);

  /** Asked of the legacy source alone: the merged lookup drops a token the keychain already holds. */
  function legacyOf(l: CredentialLookup): LegacyFileInfo | null {
    const c = l.credentials.find((x) => x.source === 'legacy-quota-file');
    if (c)
      return { path: c.origin, login: c.login ?? null, plan: c.plan ?? null, tokenHint: tokenHint(c.token) };
    // A corrupt legacy file is still "present": the user may want to delete it.
    const p = l.problems.find((x) => x.source === 'legacy-quota-file');
    return p ? { path: p.origin, login: null, plan: null, tokenHint: null } : null;
  }

  async function firstReading(
    fallback: UsageSnapshot | null,
    rendererChose: boolean,
  ): Promise<{ snapshot: UsageSnapshot | null; error: ErrorInfo | null }> {
    if (!deps.refresh) return { snapshot: fallback, error: null };
    try {
      const r = await deps.refresh(rendererChose ? { rendererChose } : undefined);
      if (r.ok) return { snapshot: { ...r.snapshot, attempts: r.attempts }, error: null };
      return { snapshot: fallback, error: r.error };
    } catch (e) {
      return { snapshot: fallback, error: toInfo(e) };
    }
  }

  /** The wizard session is over: nothing it checked or chose stays in memory. */
  function reset(): void {
    pending = null;
    server = null;
  }

  return {
    getState: () =>
      guard(async () => {
        const s = deps.settings.get();
        const l = await lookup();
        const seen = new Set<string>();
        const found: FoundCredential[] = [];
        // Sources in the canonical order; one entry per source, preferring one that knows the login.
        for (const source of CREDENTIAL_SOURCE_IDS) {
          if (!FOUND_SOURCES.has(source)) continue;
          const cs = l.credentials.filter((c) => c.source === source);
          const c = cs.find((x) => x.login) ?? cs[0];
          if (!c || seen.has(source)) continue;
          seen.add(source);
          found.push({
            source,
            kind: c.kind,
            origin: c.origin,
            login: c.login ?? null,
            host: c.host ?? null,
            tokenHint: tokenHint(c.token),
          });
        }
        return ok({
          found,
          accounts: await accounts(s),
          legacy: legacyOf(await lookup(['legacy-quota-file'])),
          language: s.language,
          plan: s.plan,
          allowanceOverride: s.allowanceOverride,
          webHost: webHost(),
          apiUrl: apiUrl(),
          secretStore: deps.secrets.kind,
          problems: l.problems.map((p) => p.message),
        });
      }),

    checkToken: ({ token }) => guard(() => check(token, null)),

    importLegacy: () =>
      guard(async () => {
        const l = await lookup(['legacy-quota-file']);
        const c = l.credentials.find((x) => x.source === 'legacy-quota-file');
        if (!c) return fail({ kind: 'config', reason: 'noCredential', detail: 'no legacy token file' });
        // The file's token is a github.com token: never sent to another server the wizard was set to (a
        // compromised renderer could have chosen attacker.example). An unusable URL throws here (config error).
        if (!mayUseOn(c, webHostOfApi(apiUrl()), server === null && (deps.loopbackPlaysGithub ?? false))) {
          return fail({ kind: 'config', reason: 'badInput', detail: SETUP_REFUSAL.legacyOtherServer });
        }
        return check(c.token, c.plan ?? null);
      }),

    save: (req) =>
      guard(async () => {
        if (req.token !== undefined && req.token !== pending?.token) {
          const r = await check(req.token, null);
          if (!r.ok) return r;
        }
        const p = pending;
        if (!p) return fail({ kind: 'config', reason: 'badInput', detail: 'check a token before saving' });
        const c = p.check;
        const key = accountKey(c.host, c.login);
        // Session-only is the user's explicit choice after a keychain failure; never a silent fallback, never disk.
        if (req.sessionOnly) {
          if (!(await keepForSession(key, p.token))) {
            return fail({
              kind: 'config',
              reason: 'other',
              detail: 'this app cannot keep a token in memory',
            });
          }
        } else await deps.secrets.set(key, p.token);
        const store: TokenStore = req.sessionOnly || deps.secrets.kind === 'memory' ? 'session' : 'keychain';
        const plan = req.plan ?? c.plan ?? p.legacyPlan;
        const nowIso = new Date(now()).toISOString();
        const account: AccountSettings = {
          login: c.login,
          host: c.host,
          tokenHint: last4(p.token),
          tokenExpiresAt: c.tokenExpiresAt,
          lastCheckedAt: nowIso,
        };
        if (store === 'session') account.sessionOnly = true;
        // Applied to the file as it is now (the keychain above may have waited on an unlock prompt, during which
        // the CLI can have added an account).
        await deps.settings.update((cur) => ({
          ...cur,
          accounts: [...cur.accounts.filter((a) => keyOf(a) !== key), account],
          activeAccount: key,
          plan,
          allowanceOverride: req.allowance,
          // The server the token was checked against becomes the app's server (only when the user chose one,
          // so an environment override is never written to settings).
          ...(p.server !== null ? { apiUrl: p.server } : {}),
        }));
        // The token now lives in the store only; drop the wizard's copy. Settings now hold the chosen server.
        pending = null;
        if (p.server !== null && server === p.server) server = null;
        const checked = c.snapshot ? withAllowance(c.snapshot, plan, req.allowance) : null;
        // A server the renderer chose (now saved) gets no github.com sign-in found on disk, here or later.
        const first = await firstReading(checked, p.server !== null);
        const result: SaveResult = {
          account: {
            key,
            login: c.login,
            host: c.host,
            tokenHint: hintOf(account.tokenHint),
            tokenExpiresAt: c.tokenExpiresAt,
            lastCheckedAt: nowIso,
            active: true,
            store,
            tokenAvailable: true,
          },
          snapshot: first.snapshot,
          refreshError: first.error,
        };
        deps.onSaved?.(result);
        return ok(result);
      }),

    useFound: ({ source }) =>
      guard(async () => {
        const l = await lookup();
        if (!l.credentials.some((c) => c.source === source)) {
          return fail({ kind: 'config', reason: 'noCredential', detail: source });
        }
        if (!deps.refresh)
          return fail({ kind: 'config', reason: 'other', detail: 'no engine to read usage' });
        // Only that source, so the reading shown is really the login the user picked.
        const r = await deps.refresh({ sources: [source] });
        if (!r.ok) return fail(r.error);
        deps.onCredentialsChanged?.();
        return ok({ snapshot: { ...r.snapshot, attempts: r.attempts } });
      }),

    deleteLegacy: () =>
      guard(async () => {
        const l = await lookup(['legacy-quota-file']);
        const legacy = legacyOf(l);
        // Only the path the legacy source itself reported can be deleted: the renderer names no path.
        if (!legacy || !legacyQuotaFilePaths(deps.env).includes(legacy.path)) return ok({ deleted: false });
        // Only once the keychain holds that very token: after a session-only save, a different account's token,
        // or a file that cannot be read, the file may be the only lasting copy.
        const c = l.credentials.find((x) => x.source === 'legacy-quota-file' && x.origin === legacy.path);
        if (!c || !(await keptInKeychain(c))) {
          return fail({ kind: 'config', reason: 'badInput', detail: SETUP_REFUSAL.legacyNotInKeychain });
        }
        return ok({ deleted: await deps.files.remove(legacy.path) });
      }),

    removeToken: ({ key }) =>
      guard(async () => {
        const sessionOnly = deps.settings.get().accounts.some((a) => keyOf(a) === key && a.sessionOnly);
        // A session-only account never had its token in the keychain: a broken keychain must not block removing it.
        const removed = await deps.secrets.delete(key).catch((e: unknown) => {
          if (sessionOnly) return false;
          throw e;
        });
        // Read after the keychain answered (maybe behind an unlock prompt): a list read before it would drop an
        // account the CLI added meanwhile.
        const before = deps.settings.get();
        const dropped = before.accounts.some((a) => keyOf(a) === key);
        if (dropped || before.activeAccount === key) {
          await deps.settings.update((cur) => ({
            ...cur,
            accounts: cur.accounts.filter((a) => keyOf(a) !== key),
            activeAccount: cur.activeAccount === key ? null : cur.activeAccount,
          }));
        }
        deps.onCredentialsChanged?.();
        return ok({ removed: removed || dropped });
      }),

    setLanguage: ({ language }) =>
      guard(async () => {
        await deps.settings.update({ language });
        deps.onLanguageChanged?.(language);
        return ok({ language });
      }),

    openExternal: ({ target }) =>
      guard<{ opened: boolean }>(async () => {
        const host = webHost();
        const url = externalUrl(target, host);
        if (!isAllowedExternalUrl(url, { webHost: host }) || !deps.openUrl) return ok({ opened: false });
        // A host only the renderer named (setServer, not saved) could be a phishing page dressed as GitHub's
        // token form: the user confirms it in a dialog of main's own, where the renderer has no say.
        if (!savedHosts().has(host.toLowerCase())) {
          if (!deps.confirmOpen || !(await deps.confirmOpen(host))) return ok({ opened: false });
        }
        await deps.openUrl(url, host);
        return ok({ opened: true });
      }),

    setServer: ({ address }) =>
      guard(async () => {
        // Normalised here, never trusted from the renderer: throws config badInput / insecureUrl (plain http).
        const next = normalizeApiUrl(address);
        const host = webHostOfApi(next);
        // A token checked against another server must not be saved as if it belonged to this one.
        if (pending && pending.apiUrl !== next) pending = null;
        else if (pending) pending.server = next;
        server = next;
        return ok({ apiUrl: next, webHost: host });
      }),

    close: () =>
      guard(async () => {
        reset();
        deps.close?.();
        return ok({ closed: deps.close !== undefined });
      }),

    openUsage: () =>
      guard(async () => {
        deps.openUsage?.();
        return ok({ opened: deps.openUsage !== undefined });
      }),

    reset,
  };
}
