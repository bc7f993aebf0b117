/**
 * Sandboxed preload: exposes one call per channel of shared/ipc.ts as window.copilotMeter, and nothing else
 * (no ipcRenderer, no events, no Node). Arguments are validated again in main; this side only forwards them.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { CHANNELS, methodOf, type Bridge } from '../shared/ipc';

const bridge = Object.fromEntries(
  CHANNELS.map((channel) => [methodOf(channel), (arg?: unknown) => ipcRenderer.invoke(channel, arg)]),
) as Bridge;

contextBridge.exposeInMainWorld('copilotMeter', Object.freeze(bridge));
