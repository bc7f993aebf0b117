/**
 * The wizard's one state object and what every screen reads from it. The pasted token is never put here: it
 * lives only in the password field (screens/paste.ts) until it is sent to main once.
 */
import type { CredentialSourceId, PlanId, UsageSnapshot } from '../../shared/domain';
import type { ErrorInfo } from '../../shared/errors';
import { describeError, type Lang } from '../../shared/i18n';
import { SETUP_REFUSAL, type SaveResult, type SetupState, type TokenCheckView } from '../../shared/ipc';
import { t, tr } from '../kit/i18n';
import type { Step } from './steps';

/**
 * A message in the step's status line. `about` names the input the message is about, so it goes as soon as that
 * input changes (an error about an empty token does not stay beside a pasted one).
 */
export type Status = {
  kind: 'info' | 'ok' | 'error' | 'busy';
  text: string;
  about?: 'token' | 'plan';
} | null;

export interface UiState {
  step: Step;
  setup: SetupState | null;
  /** The user's choice; null = follow the OS. */
  langChoice: Lang | null;
  check: TokenCheckView | null;
  saved: SaveResult | null;
  found: { source: CredentialSourceId; snapshot: UsageSnapshot } | null;
  status: Status;
  busy: boolean;
  tokenVisible: boolean;
  plan: PlanId | 'custom' | null;
  customAllowance: string;
  legacyNote: string | null;
  /** The token being checked/saved came from the legacy file (not pasted): only then may Done offer to delete it. */
  importedLegacy: boolean;
  /** The last save failed in the keychain: offer "Try again" and "Keep for this session only". */
  keychainFailed: boolean;
  /** The "GitHub Enterprise?" disclosure is open. */
  serverOpen: boolean;
  /** Why main refused the typed GitHub address, shown under that field (translated when drawn); null = none. */
  serverError: ErrorInfo | null;
  /** The address main last accepted (or the configured one): a different typed one is sent before it is used. */
  serverApplied: string;
}

export const ui: UiState = {
  step: 'welcome',
  setup: null,
  langChoice: null,
  check: null,
  saved: null,
  found: null,
  status: null,
  busy: false,
  tokenVisible: false,
  plan: null,
  customAllowance: '',
  legacyNote: null,
  importedLegacy: false,
  keychainFailed: false,
  serverOpen: false,
  serverError: null,
  serverApplied: '',
};

/** An error from main in the page's language. */
export function errorText(e: ErrorInfo): string {
  // Main's refusals of a legacy-file action carry a code (main does not know the page's language).
  if (e.kind === 'config' && e.reason === 'badInput') {
    if (e.detail === SETUP_REFUSAL.legacyOtherServer) {
      return t('wizard.legacy.otherServer', { host: ui.setup?.webHost ?? '' });
    }
    if (e.detail === SETUP_REFUSAL.legacyNotInKeychain) return t('wizard.done.legacyKept');
  }
  return describeError(e, tr());
}

export function sourceName(s: CredentialSourceId): string {
  return t(`wizard.source.${s}`);
}
