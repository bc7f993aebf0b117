/** The typed bridge the preload exposes (window.copilotMeter); every window reaches main only through it. */
import type { Bridge } from '../../shared/ipc';

declare global {
  interface Window {
    copilotMeter: Bridge;
  }
}

export const api = (): Bridge => window.copilotMeter;
