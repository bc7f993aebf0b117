/**
 * Electron glue for the wizard's IPC: one ipcMain.handle per channel of shared/ipc.ts, each refusing calls that
 * do not come from the wizard page's own top frame, then validating and dispatching (main/setup/dispatch.ts).
 *
 * "The wizard page" is what Electron reports for the wizard window (its webContents and the URL it loaded), not a
 * URL rebuilt here: loadFile encodes the path its own way, and for an install path holding '%', '[', ']', '^',
 * spaces or non-ASCII letters a rebuilt file:// URL may differ and refuse every call.
 */
import { ipcMain, type IpcMain, type IpcMainInvokeEvent } from 'electron';
import { fail } from '../../shared/ipc';
import { createDispatch, isTrustedSender, setupChannels } from '../setup/dispatch';
import type { SetupService } from '../setup/service';

export interface IpcDeps {
  service: SetupService;
  /**
   * The page URL Electron reports for the wizard window when the sender is that window's webContents, else null
   * (WizardWindows.pageUrlOf).
   */
  wizardPage(sender: unknown): string | null;
  /** Injected in tests; the real ipcMain otherwise. */
  ipc?: Pick<IpcMain, 'handle' | 'removeHandler'>;
}

/** Registers every wizard channel. Returns a function that removes them again (app quit, tests). */
export function registerIpc(deps: IpcDeps): () => void {
  const ipc = deps.ipc ?? ipcMain;
  const dispatch = createDispatch(deps.service);
  const channels = setupChannels();
  for (const channel of channels) {
    ipc.handle(channel, (event: IpcMainInvokeEvent, arg: unknown) => {
      const frame = event.senderFrame;
      const sender = frame ? { url: frame.url, isMainFrame: frame.parent === null } : null;
      const page = deps.wizardPage(event.sender);
      if (page === null || !isTrustedSender(sender, page)) {
        return fail({ kind: 'config', reason: 'other', detail: 'call refused: not from the setup window' });
      }
      return dispatch(channel, arg);
    });
  }
  return () => {
    for (const channel of channels) ipc.removeHandler(channel);
  };
}
