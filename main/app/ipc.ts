/**
 * Electron glue for the wizard's IPC: one ipcMain.handle per channel of shared/ipc.ts, each refusing calls that
 * do not come from the wizard page's own top frame, then validating and dispatching (main/setup/dispatch.ts).
 */
import { ipcMain, type IpcMain, type IpcMainInvokeEvent } from 'electron';
import { fail } from '../../shared/ipc';
import { createDispatch, isTrustedSender, setupChannels } from '../setup/dispatch';
import type { SetupService } from '../setup/service';
import { wizardFileUrl } from './wizard-window';

export interface IpcDeps {
  service: SetupService;
  /** file:// URL of dist/renderer/wizard/index.html; defaults to the bundled one. */
  wizardUrl?: string;
  /** Injected in tests; the real ipcMain otherwise. */
  ipc?: Pick<IpcMain, 'handle' | 'removeHandler'>;
}

/** Registers every wizard channel. Returns a function that removes them again (app quit, tests). */
export function registerIpc(deps: IpcDeps): () => void {
  const ipc = deps.ipc ?? ipcMain;
  const wizardUrl = deps.wizardUrl ?? wizardFileUrl();
  const dispatch = createDispatch(deps.service);
  const channels = setupChannels();
  for (const channel of channels) {
    ipc.handle(channel, (event: IpcMainInvokeEvent, arg: unknown) => {
      const frame = event.senderFrame;
      const sender = frame ? { url: frame.url, isMainFrame: frame.parent === null } : null;
      if (!isTrustedSender(sender, wizardUrl)) {
        return fail({ kind: 'config', reason: 'other', detail: 'call refused: not from the setup window' });
      }
      return dispatch(channel, arg);
    });
  }
  return () => {
    for (const channel of channels) ipc.removeHandler(channel);
  };
}
