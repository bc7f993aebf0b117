/**
 * The IPC boundary without Electron: validate the channel and its `unknown` argument with shared/ipc.ts, then
 * call the service. main/app/ipc.ts wraps this in ipcMain.handle; the e2e test wires the browser bridge to it,
 * so both run exactly the same checks.
 */
import { CHANNELS, fail, methodOf, validateRequest, type Channel, type Result } from '../../shared/ipc';
import type { SetupService } from './service';

export type Dispatch = (channel: unknown, arg: unknown) => Promise<Result<unknown>>;

export function createDispatch(service: SetupService): Dispatch {
  return async (channel, arg) => {
    const v = validateRequest(channel, arg);
    if (!v.ok) return v;
    const method = service[methodOf(v.value.channel)] as (req: unknown) => Promise<Result<unknown>>;
    try {
      return await method(v.value.req);
    } catch {
      // Service methods return results; this only guards against a bug turning into an IPC rejection.
      return fail({ kind: 'config', reason: 'other', detail: 'unexpected failure in setup' });
    }
  };
}

/** Every channel the contract defines: main registers exactly these. */
export const setupChannels = (): readonly Channel[] => CHANNELS;

/**
 * True when an IPC call comes from the wizard page itself: same file URL (query/hash ignored), top frame.
 * Anything else (another window, an iframe, a navigated page) is refused before validation.
 */
export function isTrustedSender(
  sender: { url: string | undefined; isMainFrame?: boolean } | null | undefined,
  wizardUrl: string,
): boolean {
  if (!sender || typeof sender.url !== 'string') return false;
  if (sender.isMainFrame === false) return false;
  let got: URL;
  let want: URL;
  try {
    got = new URL(sender.url);
    want = new URL(wizardUrl);
  } catch {
    return false;
  }
  return got.protocol === want.protocol && got.host === want.host && got.pathname === want.pathname;
}
