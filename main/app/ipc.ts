/**
 * Electron glue for the windows' IPC: one ipcMain.handle per channel of shared/ipc.ts, each refusing calls that
 * do not come from its own window's top frame, then validating and dispatching. The wizard's "setup:" channels
 * answer only the wizard window (main/setup/dispatch.ts); the Usage window's "usage:" channels only the Usage
 * window (main/usage/service.ts). Neither window can reach the other's handlers.
 *
 * "The page" is what Electron reports for the window (its webContents and the URL it loaded), not a URL rebuilt
 * here: loadFile encodes the path its own way, and for an install path holding '%', '[', ']', '^', spaces or
 * non-ASCII letters a rebuilt file:// URL may differ and refuse every call.
 */
import { ipcMain, type IpcMain, type IpcMainInvokeEvent } from 'electron';
import { channelsOf, fail, type ChannelGroup } from '../../shared/ipc';
import { createDispatch, createGroupDispatch, isTrustedSender, type Dispatch } from '../setup/dispatch';
import type { SetupService } from '../setup/service';
import type { UsageService } from '../usage/service';

type Ipc = Pick<IpcMain, 'handle' | 'removeHandler'>;

export interface IpcDeps {
  service: SetupService;
  /**
   * The page URL Electron reports for the wizard window when the sender is that window's webContents, else null
   * (WizardWindows.pageUrlOf).
   */
  wizardPage(sender: unknown): string | null;
  /** Injected in tests; the real ipcMain otherwise. */
  ipc?: Ipc;
}

export interface UsageIpcDeps {
  service: UsageService;
  /** As wizardPage, for the Usage window (UsageWindows.pageUrlOf). */
  usagePage(sender: unknown): string | null;
  ipc?: Ipc;
}

const WINDOW_NAME: Record<ChannelGroup, string> = { setup: 'the setup window', usage: 'the Usage window' };

function registerGroup(
  ipc: Ipc,
  group: ChannelGroup,
  dispatch: Dispatch,
  pageOf: (sender: unknown) => string | null,
): () => void {
  const channels = channelsOf(group);
  for (const channel of channels) {
    ipc.handle(channel, (event: IpcMainInvokeEvent, arg: unknown) => {
      const frame = event.senderFrame;
      const sender = frame ? { url: frame.url, isMainFrame: frame.parent === null } : null;
      const page = pageOf(event.sender);
      if (page === null || !isTrustedSender(sender, page)) {
        return fail({
          kind: 'config',
          reason: 'other',
          detail: `call refused: not from ${WINDOW_NAME[group]}`,
        });
      }
      return dispatch(channel, arg);
    });
  }
  return () => {
    for (const channel of channels) ipc.removeHandler(channel);
  };
}

/** Registers every wizard channel. Returns a function that removes them again (app quit, tests). */
export function registerIpc(deps: IpcDeps): () => void {
  return registerGroup(deps.ipc ?? ipcMain, 'setup', createDispatch(deps.service), deps.wizardPage);
}

/** Registers the Usage window's channels. Returns a function that removes them again. */
export function registerUsageIpc(deps: UsageIpcDeps): () => void {
  return registerGroup(
    deps.ipc ?? ipcMain,
    'usage',
    createGroupDispatch('usage', deps.service),
    deps.usagePage,
  );
}
