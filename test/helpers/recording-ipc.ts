/**
 * A stand-in for ipcMain's handle/removeHandler that records the handlers and, like Electron, refuses a second
 * handler on the same channel.
 */
export type IpcHandler = (event: unknown, arg: unknown) => Promise<unknown> | unknown;

export function recordingIpc() {
  const handlers = new Map<string, IpcHandler>();
  return {
    handlers,
    handle: (channel: string, fn: IpcHandler) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, fn);
    },
    removeHandler: (channel: string) => handlers.delete(channel),
  };
}
