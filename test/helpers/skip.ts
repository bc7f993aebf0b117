/**
 * Visible, reasoned skips. A test that needs something this machine may lack (Secret Service, Chromium, the
 * Electron binary) asks `needs(...)`. Locally it is skipped with the reason in its name. With CI=true a missing
 * prerequisite is a FAILURE instead, except for the Electron binary, which CI cannot download.
 */
import { describe, it } from 'vitest';

export type Prerequisite = 'secret-service' | 'chromium' | 'electron-binary' | 'display';

export function strict(): boolean {
  return process.env.CI === 'true' || process.env.CI === '1';
}

/**
 * describe() when `available`, else a describe whose name says why it is skipped, or (strict and not
 * electron-binary) a describe with one failing test that says what is missing.
 */
export function describeIfAvailable(
  what: Prerequisite,
  available: boolean,
  why: string,
): (name: string, fn: () => void) => void {
  if (available) return (name, fn) => describe(name, fn);
  if (strict() && what !== 'electron-binary') {
    return (name) =>
      describe(name, () => {
        it(`requires ${what} in CI: ${why}`, () => {
          throw new Error(`${what} is required when CI=true but is not available: ${why}`);
        });
      });
  }
  return (name, fn) => describe.skip(`${name} [skipped: ${what} unavailable — ${why}]`, fn);
}
