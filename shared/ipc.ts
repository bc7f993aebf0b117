/**
 * The ONE IPC contract between the app's windows (setup wizard, Usage) and main: channel name → request → response.
 * Main registers a handler per channel, the preload exposes one bridge method per channel, nothing else crosses.
 * Responses are results, never exceptions, so errors keep their typed ErrorInfo through structured clone.
 * Security rules encoded here: the token travels renderer → main only (checkToken / save) and NO response type
 * has a field that could hold it; the renderer sees `tokenHint` ("…abcd") at most. External links are ids, not
 * URLs, so a compromised renderer cannot make main open an arbitrary address.
 */
import type { CredentialSourceId, PlanId, Unit, UsageSnapshot } from './domain';
import { CREDENTIAL_SOURCE_IDS, PLAN_IDS } from './domain';
import type { ErrorInfo } from './errors';
import { LANGS, type Lang } from './i18n/catalog';
import { isRecord } from './json';
import { EXPORT_FORMATS, type ExportFormat, type ExportResult, type UsageView } from './usage';

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(error: ErrorInfo): Result<T> => ({ ok: false, error });

/** Longest token accepted. Real PATs are ~93 chars; the cap only stops abuse (huge strings over IPC). */
export const MAX_TOKEN_LENGTH = 512;
/** Smallest custom allowance accepted (the renderer's and the validator's message both say so). */
export const MIN_ALLOWANCE = 1;
/** Largest custom allowance accepted; far above any plan (Max: 20,000 credits). */
export const MAX_ALLOWANCE = 10_000_000;

/**
 * Why the setup service refused a legacy-file action: the `detail` of its config/badInput error, a code the
 * wizard turns into a message in the user's language (main does not know the language the page shows).
 */
export const SETUP_REFUSAL = {
  /** importLegacy: the file's github.com token would go to the other server the wizard is set to. */
  legacyOtherServer: 'legacyOtherServer',
  /** deleteLegacy: the keychain does not hold that exact token, so the file is its only copy. */
  legacyNotInKeychain: 'legacyNotInKeychain',
} as const;
const MAX_KEY_LENGTH = 300;
/** Longest GitHub address accepted (setup:setServer). Real ones are short; the cap only stops abuse. */
export const MAX_ADDRESS_LENGTH = 300;

/** Pages main may open in the browser. Ids, not URLs: main builds the URL for the user's host. */
export const EXTERNAL_TARGETS = ['newTokenTemplate', 'tokensPage', 'billingPage', 'copilotSettings'] as const;
export type ExternalTarget = (typeof EXTERNAL_TARGETS)[number];

/** A credential found on this machine, described without its token. */
export interface FoundCredential {
  source: CredentialSourceId;
  kind: 'pat' | 'oauth' | 'session';
  /** Where it came from (a path, "gh", "keychain"); never the token. */
  origin: string;
  login: string | null;
  host: string | null;
  tokenHint: string;
}

/** Where a saved token lives: the OS keychain, or main's memory for this session only. */
export type TokenStore = 'keychain' | 'session';

/** A token the app stores (keychain, or memory for this session only), as the renderer may see it. */
export interface StoredAccount {
  /** "host/login", the keychain account key. */
  key: string;
  login: string;
  host: string;
  /** "…abcd". */
  tokenHint: string;
  tokenExpiresAt: string | null;
  lastCheckedAt: string | null;
  active: boolean;
  /** Where the token lives. */
  store: TokenStore;
  /** False when a session-only token is gone (the app restarted): the user must paste it again. */
  tokenAvailable: boolean;
}

/** The seed's plain-text token file, when it exists. */
export interface LegacyFileInfo {
  path: string;
  login: string | null;
  plan: PlanId | null;
  tokenHint: string | null;
}

export interface SetupState {
  /** Copilot logins found in other apps (OpenCode, editors, gh), usable without a PAT. */
  found: FoundCredential[];
  accounts: StoredAccount[];
  legacy: LegacyFileInfo | null;
  /** The user's language choice; null = follow the OS. */
  language: Lang | null;
  plan: PlanId | null;
  allowanceOverride: number | null;
  /** Web host tokens are created on ("github.com" or the user's GHE host). */
  webHost: string;
  /** REST API base the wizard checks tokens against: the server chosen in this wizard, else the configured one. */
  apiUrl: string;
  /** Where a saved token goes: the OS keychain, or memory for this session only. */
  secretStore: 'keychain' | 'memory';
  /** Problems reading credential files, as plain text without secrets. */
  problems: string[];
}

export type TokenWarning = 'classic-token' | 'no-usage-yet';

/** What a token check found, without the token. */
export interface TokenCheckView {
  login: string;
  host: string;
  /** The billing world; null when GitHub's answer did not show it (no usage items in either). */
  unit: Unit | null;
  plan: PlanId | null;
  /** True when GitHub said the plan; false when the user must choose it. */
  planDetected: boolean;
  tokenExpiresAt: string | null;
  warnings: TokenWarning[];
  tokenHint: string;
  snapshot: UsageSnapshot | null;
}

export interface SaveRequest {
  /** Normally omitted: main keeps the token it just checked. */
  token?: string;
  plan: PlanId | null;
  /** Custom monthly allowance; null = the plan table's. */
  allowance: number | null;
  /**
   * Keep the token in main's memory for this session only, never on disk: the user's explicit choice after the
   * keychain failed. Omitted/false = the system keychain.
   */
  sessionOnly?: boolean;
}

export interface SaveResult {
  /** account.store says where the token went ('keychain' or 'session'). */
  account: StoredAccount;
  /** The first reading with the saved settings; null when the refresh after saving failed (see refreshError). */
  snapshot: UsageSnapshot | null;
  refreshError: ErrorInfo | null;
}

/** The GitHub server chosen in the wizard, as main normalised it (core/github/url.ts). */
export interface ServerChoice {
  /** REST API base, e.g. https://api.acme.ghe.com or https://github.acme-corp.com/api/v3. */
  apiUrl: string;
  /** Where tokens are created and the wizard's links go, e.g. acme.ghe.com. */
  webHost: string;
}

export interface UseFoundResult {
  snapshot: UsageSnapshot;
}

/** Channel → request → response. `void` requests take no argument. */
export interface IpcContract {
  'setup:getState': { req: void; res: SetupState };
  'setup:checkToken': { req: { token: string }; res: TokenCheckView };
  'setup:save': { req: SaveRequest; res: SaveResult };
  'setup:useFound': { req: { source: CredentialSourceId }; res: UseFoundResult };
  'setup:importLegacy': { req: void; res: TokenCheckView };
  'setup:deleteLegacy': { req: void; res: { deleted: boolean } };
  'setup:removeToken': { req: { key: string }; res: { removed: boolean } };
  'setup:setLanguage': { req: { language: Lang | null }; res: { language: Lang | null } };
  'setup:openExternal': { req: { target: ExternalTarget }; res: { opened: boolean } };
  'setup:close': { req: void; res: { closed: boolean } };
  /** What the user typed as their GitHub address (github.com, acme.ghe.com, a GHES URL); '' = github.com. */
  'setup:setServer': { req: { address: string }; res: ServerChoice };
  /** Opens the Usage window (the wizard's last step links to it). */
  'setup:openUsage': { req: void; res: { opened: boolean } };
  // The Usage window's channels (main accepts them only from that window).
  /** The view for a month ("YYYY-MM"); null = the current one. */
  'usage:getUsage': { req: { period: string | null }; res: UsageView };
  /** Every held month, as `copilot-meter history --months 24` prints it, through a native save dialog. */
  'usage:exportUsage': { req: { format: ExportFormat }; res: ExportResult };
  'usage:closeUsage': { req: void; res: { closed: boolean } };
}

export type Channel = keyof IpcContract;
export type RequestOf<C extends Channel> = IpcContract[C]['req'];
export type ResponseOf<C extends Channel> = IpcContract[C]['res'];

export const CHANNELS = [
  'setup:getState',
  'setup:checkToken',
  'setup:save',
  'setup:useFound',
  'setup:importLegacy',
  'setup:deleteLegacy',
  'setup:removeToken',
  'setup:setLanguage',
  'setup:openExternal',
  'setup:close',
  'setup:setServer',
  'setup:openUsage',
  'usage:getUsage',
  'usage:exportUsage',
  'usage:closeUsage',
] as const satisfies readonly Channel[];

// Compile-time check that CHANNELS lists every channel of the contract (and nothing else).
type MissingChannels = Exclude<Channel, (typeof CHANNELS)[number]>;
const _allChannelsListed: MissingChannels extends never ? true : false = true;
void _allChannelsListed;

/** The windows that call main, each on its own channels ("setup:…" from the wizard, "usage:…" from Usage). */
export type ChannelGroup = 'setup' | 'usage';
export type ChannelOf<G extends ChannelGroup> = Extract<Channel, `${G}:${string}`>;
export const channelsOf = <G extends ChannelGroup>(group: G): ChannelOf<G>[] =>
  CHANNELS.filter((c): c is ChannelOf<G> => c.startsWith(`${group}:`));

/** Bridge method name of a channel: 'setup:getState' → 'getState' (method names are unique across groups). */
export type MethodOf<C extends Channel> = C extends `${ChannelGroup}:${infer M}` ? M : never;
export const methodOf = <C extends Channel>(c: C): MethodOf<C> => c.slice(c.indexOf(':') + 1) as MethodOf<C>;

/** What `window.copilotMeter` offers the renderer: one promise-returning call per channel. */
export type Bridge = {
  [C in Channel as MethodOf<C>]: RequestOf<C> extends void
    ? () => Promise<Result<ResponseOf<C>>>
    : (req: RequestOf<C>) => Promise<Result<ResponseOf<C>>>;
};

export const isChannel = (x: unknown): x is Channel =>
  typeof x === 'string' && (CHANNELS as readonly string[]).includes(x);

// ---- validators: main calls these on every argument, which arrives as `unknown` ----

const bad = (detail: string) => fail<never>({ kind: 'config', reason: 'badInput', detail });

/** Only the listed keys may be present: stray fields are refused rather than silently passed on. */
function onlyKeys(x: Record<string, unknown>, keys: readonly string[]): string | null {
  const extra = Object.keys(x).filter((k) => !keys.includes(k));
  return extra.length ? `unexpected field ${extra.map((k) => k.slice(0, 40)).join(', ')}` : null;
}

/** A token as pasted: trimmed; printable ASCII, no inner whitespace, 1..MAX_TOKEN_LENGTH chars. */
export function validateToken(x: unknown): Result<string> {
  if (typeof x !== 'string') return bad('token must be a string');
  if (x.length > MAX_TOKEN_LENGTH * 2) return bad(`token longer than ${MAX_TOKEN_LENGTH} characters`);
  const t = x.trim();
  if (t.length === 0) return bad('token is empty');
  if (t.length > MAX_TOKEN_LENGTH) return bad(`token longer than ${MAX_TOKEN_LENGTH} characters`);
  if (!/^[\x21-\x7e]+$/.test(t)) return bad('token contains spaces or characters a GitHub token never has');
  return ok(t);
}

/** What kind of token a string looks like, for the live hint while typing. Never judges validity. */
export type TokenShape = 'fine-grained' | 'classic' | 'oauth' | 'unknown';
export function tokenShape(token: string): TokenShape {
  const t = token.trim();
  if (t.startsWith('github_pat_')) return 'fine-grained';
  if (t.startsWith('ghp_')) return 'classic';
  if (/^gh[ou]_/.test(t)) return 'oauth';
  return 'unknown';
}

function validatePlan(x: unknown): Result<PlanId | null> {
  if (x === null) return ok(null);
  if (typeof x === 'string' && (PLAN_IDS as readonly string[]).includes(x)) return ok(x as PlanId);
  return bad('unknown plan');
}

function validateAllowance(x: unknown): Result<number | null> {
  if (x === null) return ok(null);
  if (typeof x !== 'number' || !Number.isFinite(x)) return bad('allowance must be a number');
  if (x < MIN_ALLOWANCE || x > MAX_ALLOWANCE) {
    return bad(`allowance must be between ${MIN_ALLOWANCE} and ${MAX_ALLOWANCE}`);
  }
  return ok(x);
}

const noArg = (x: unknown): Result<void> =>
  x === undefined || x === null ? ok(undefined) : bad('no argument expected');

function object<T>(
  keys: readonly string[],
  build: (x: Record<string, unknown>) => Result<T>,
): (x: unknown) => Result<T> {
  return (x) => {
    if (!isRecord(x)) return bad('argument must be an object');
    const extra = onlyKeys(x, keys);
    if (extra) return bad(extra);
    return build(x);
  };
}

type Validators = { [C in Channel]: (x: unknown) => Result<RequestOf<C>> };

export const validators: Validators = {
  'setup:getState': noArg,
  'setup:checkToken': object(['token'], (x) => {
    const t = validateToken(x.token);
    return t.ok ? ok({ token: t.value }) : t;
  }),
  'setup:save': object(['token', 'plan', 'allowance', 'sessionOnly'], (x) => {
    const plan = validatePlan(x.plan === undefined ? null : x.plan);
    if (!plan.ok) return plan;
    const allowance = validateAllowance(x.allowance === undefined ? null : x.allowance);
    if (!allowance.ok) return allowance;
    if (x.sessionOnly !== undefined && typeof x.sessionOnly !== 'boolean') {
      return bad('sessionOnly must be true or false');
    }
    const req: SaveRequest = { plan: plan.value, allowance: allowance.value };
    if (x.sessionOnly === true) req.sessionOnly = true;
    if (x.token !== undefined) {
      const t = validateToken(x.token);
      if (!t.ok) return t;
      req.token = t.value;
    }
    return ok(req);
  }),
  'setup:useFound': object(['source'], (x) =>
    typeof x.source === 'string' && (CREDENTIAL_SOURCE_IDS as readonly string[]).includes(x.source)
      ? ok({ source: x.source as CredentialSourceId })
      : bad('unknown credential source'),
  ),
  'setup:importLegacy': noArg,
  'setup:deleteLegacy': noArg,
  'setup:removeToken': object(['key'], (x) =>
    typeof x.key === 'string' && x.key.length > 0 && x.key.length <= MAX_KEY_LENGTH && x.key.includes('/')
      ? ok({ key: x.key })
      : bad('account key must be "host/login"'),
  ),
  'setup:setLanguage': object(['language'], (x) =>
    x.language === null ||
    (typeof x.language === 'string' && (LANGS as readonly string[]).includes(x.language))
      ? ok({ language: x.language as Lang | null })
      : bad('unknown language'),
  ),
  'setup:openExternal': object(['target'], (x) =>
    typeof x.target === 'string' && (EXTERNAL_TARGETS as readonly string[]).includes(x.target)
      ? ok({ target: x.target as ExternalTarget })
      : bad('unknown link target'),
  ),
  'setup:close': noArg,
  // Only shape and size here: main normalises the address itself (normalizeApiUrl) and refuses insecure ones.
  'setup:setServer': object(['address'], (x) => {
    if (typeof x.address !== 'string') return bad('address must be a string');
    if (x.address.length > MAX_ADDRESS_LENGTH * 2)
      return bad(`address longer than ${MAX_ADDRESS_LENGTH} characters`);
    const a = x.address.trim();
    if (a.length > MAX_ADDRESS_LENGTH) return bad(`address longer than ${MAX_ADDRESS_LENGTH} characters`);
    // No controls or spaces: a URL never has them, and they must not reach logs or settings.
    if (/[\s\x00-\x1f\x7f]/.test(a)) return bad('address contains spaces or control characters');
    return ok({ address: a });
  }),
  'setup:openUsage': noArg,
  'usage:getUsage': object(['period'], (x) =>
    x.period === null || (typeof x.period === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(x.period))
      ? ok({ period: x.period as string | null })
      : bad('period must be "YYYY-MM" or null'),
  ),
  'usage:exportUsage': object(['format'], (x) =>
    typeof x.format === 'string' && (EXPORT_FORMATS as readonly string[]).includes(x.format)
      ? ok({ format: x.format as ExportFormat })
      : bad('format must be csv or json'),
  ),
  'usage:closeUsage': noArg,
};

/** Validates a call as it arrives over IPC: channel first, then its argument. */
export function validateRequest(channel: unknown, arg: unknown): Result<{ channel: Channel; req: unknown }> {
  if (!isChannel(channel)) return bad('unknown channel');
  const v = validators[channel](arg);
  return v.ok ? ok({ channel, req: v.value }) : v;
}
