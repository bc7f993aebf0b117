/**
 * The CLI's own words for messages the tray and the wizard share: there is no "setup" to send people to from a
 * terminal, and a command cannot keep a token "for this session only" (see shared/i18n withMessages).
 */
import {
  createTranslator,
  withMessages,
  type Lang,
  type MessageKey,
  type Translator,
} from '../../shared/i18n';

export const CLI_WORDS: Partial<Record<MessageKey, MessageKey>> = {
  'error.auth.expired': 'cli.error.auth.expired',
  'error.auth.revoked': 'cli.error.auth.revoked',
  'error.keychain.unavailable': 'cli.error.keychain.unavailable',
  'error.config.noCredential': 'cli.error.config.noCredential',
  // Nothing retries after a command ends: "the app will try again" is the tray's promise, not the CLI's.
  'error.rateLimit': 'cli.error.rateLimit',
  'error.rateLimit.noTime': 'cli.error.rateLimit.noTime',
  'error.notFound.user': 'cli.error.notFound.user',
};

/** A translator in the CLI's words. */
export function cliTranslator(lang: Lang): Translator {
  return withMessages(createTranslator(lang), CLI_WORDS);
}
