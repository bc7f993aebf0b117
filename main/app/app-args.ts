/**
 * The tray app's own command line: `--api-url URL` (or `--api-url=URL`), like the CLI's, and the
 * COPILOT_METER_API_URL variable the CLI also reads. The flag wins over the variable, which wins over settings.
 * Both are checked the CLI's way (normalizeApiUrl: https, or plain http only to a loopback address), before the
 * app shows anything. Electron-free so tests run it under Node.
 */
import { configError, errorInfo, type ErrorInfo } from '../../shared/errors';
import { normalizeApiUrl } from '../core/github/url';

export type ApiOverride = { ok: true; apiUrl: string | undefined } | { ok: false; error: ErrorInfo };

/** The value of --api-url in argv (Electron's or Node's: everything after the executable), if given. */
export function apiUrlArg(argv: readonly string[]): string | undefined {
  let found: string | undefined;
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    if (a === '--api-url') {
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) {
        throw configError({
          reason: 'badInput',
          detail: '--api-url needs an address, e.g. --api-url https://HOST',
        });
      }
      found = next;
      i++;
    } else if (a.startsWith('--api-url=')) {
      found = a.slice('--api-url='.length);
    }
  }
  return found;
}

/** The API address this run uses instead of settings' (undefined: settings decide), or why it is refused. */
export function apiOverride(argv: readonly string[], vars: Record<string, string | undefined>): ApiOverride {
  try {
    const given = apiUrlArg(argv) ?? vars.COPILOT_METER_API_URL;
    return { ok: true, apiUrl: given === undefined ? undefined : normalizeApiUrl(given) };
  } catch (e) {
    return { ok: false, error: errorInfo(e) ?? { kind: 'config', reason: 'badInput', detail: String(e) } };
  }
}
