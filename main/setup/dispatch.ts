/**
 * The IPC boundary without Electron: validate the channel and its `unknown` argument with shared/ipc.ts, then
 * call the service. main/app/ipc.ts wraps this in ipcMain.handle; the e2e test wires the browser bridge to it,
 * so both run exactly the same checks.
 */
import {
  channelsOf,
  fail,
  methodOf,
  validateRequest,
  type ChannelGroup,
  type ChannelOf,
  type MethodOf,
  type Result,
} from '../../shared/ipc';
import type { SetupService } from './service';

export type Dispatch = (channel: unknown, arg: unknown) => Promise<Result<unknown>>;

/** A service answering one group's channels: one method per channel, named as the bridge names it. */
export type ServiceOf<G extends ChannelGroup> = {
  [C in ChannelOf<G> as MethodOf<C>]: (req: never) => Promise<Result<unknown>>;
};

/**
 * Validates and dispatches the channels of one group (the wizard's "setup:…", the Usage window's "usage:…") to
 * its service; another group's channel is refused as unknown, so no window reaches another's handlers.
 */
export function createGroupDispatch<G extends ChannelGroup>(group: G, service: ServiceOf<G>): Dispatch {
  const mine = new Set<string>(channelsOf(group));
  return async (channel, arg) => {
    if (typeof channel !== 'string' || !mine.has(channel)) {
      return fail({ kind: 'config', reason: 'badInput', detail: 'unknown channel' });
    }
    const v = validateRequest(channel, arg);
    if (!v.ok) return v;
    const method = (service as unknown as Record<string, (req: unknown) => Promise<Result<unknown>>>)[
      methodOf(v.value.channel)
    ]!;
    try {
      return await method.call(service, v.value.req);
    } catch {
      // Service methods return results; this only guards against a bug turning into an IPC rejection.
      return fail({ kind: 'config', reason: 'other', detail: `unexpected failure in ${group}` });
    }
  };
}

export function createDispatch(service: SetupService): Dispatch {
  return createGroupDispatch('setup', service);
}

/** The wizard's channels: main registers exactly these for the wizard window. */
export const setupChannels = (): readonly ChannelOf<'setup'>[] => channelsOf('setup');

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
