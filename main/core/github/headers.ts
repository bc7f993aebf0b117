/**
 * The ONE place that decides which headers go to GitHub. Two flavours:
 * - 'rest': the documented REST API (billing usage, /user): Bearer token, GitHub's media type, a pinned API
 *   version (the ai_credit endpoint is documented under 2026-03-10, everything else under 2022-11-28).
 * - 'copilot': the internal /copilot_internal/* endpoints, which answer editor clients; existing tools send
 *   what VS Code's Copilot Chat sends, and reports say other client ids get refused, so we mimic it exactly.
 */
import { version as packageVersion } from '../../../package.json';
import { configError } from '../../../shared/errors';
import type { RequestFlavor } from './types';

export const APP_VERSION: string = packageVersion;

export const DEFAULT_API_VERSION = '2022-11-28';
export const AI_CREDIT_API_VERSION = '2026-03-10';
export const REST_ACCEPT = 'application/vnd.github+json';
export const COPILOT_ACCEPT = 'application/json';
export const EDITOR_VERSION = 'vscode/1.107.0';
export const EDITOR_PLUGIN_VERSION = 'copilot-chat/0.35.0';
export const COPILOT_USER_AGENT = 'GitHubCopilotChat/0.35.0';
export const COPILOT_INTEGRATION_ID = 'vscode-chat';

export function appUserAgent(version: string = APP_VERSION): string {
  return `copilot-meter/${version}`;
}

export interface HeaderInput {
  token: string;
  flavor: RequestFlavor;
  /** X-GitHub-Api-Version for 'rest' (default DEFAULT_API_VERSION); ignored for 'copilot'. */
  apiVersion?: string;
  /** Authorization scheme; default 'Bearer' for rest, 'token' for copilot. */
  scheme?: 'Bearer' | 'token';
  /** App version for the rest User-Agent. */
  appVersion?: string;
}

export function githubHeaders(input: HeaderInput): Record<string, string> {
  if (/[\r\n]/.test(input.token)) {
    // A token pasted with a line break would otherwise fail deep inside fetch with a message quoting it.
    throw configError({ reason: 'badInput', detail: 'the token contains a line break' });
  }
  if (input.flavor === 'copilot') {
    return {
      Authorization: `${input.scheme ?? 'token'} ${input.token}`,
      Accept: COPILOT_ACCEPT,
      'Editor-Version': EDITOR_VERSION,
      'Editor-Plugin-Version': EDITOR_PLUGIN_VERSION,
      'User-Agent': COPILOT_USER_AGENT,
      'Copilot-Integration-Id': COPILOT_INTEGRATION_ID,
    };
  }
  return {
    Authorization: `${input.scheme ?? 'Bearer'} ${input.token}`,
    Accept: REST_ACCEPT,
    'X-GitHub-Api-Version': input.apiVersion ?? DEFAULT_API_VERSION,
    'User-Agent': appUserAgent(input.appVersion),
  };
}
