/**
 * The tray app's settings: electron-store over the SAME file the CLI uses (settingsDir + settings.json), wrapped
 * in the same SettingsStore, so repair, migrations and the no-secrets rule are identical in both faces.
 */
import { homedir } from 'node:os';
import { resolve } from 'node:path';
import Store from 'electron-store';
import type { Env } from '../core/ports';
import { createSettingsStore, SETTINGS_FILE, SETTINGS_NAME, settingsDir } from '../settings/store';
import type { SettingsStore } from '../settings/store';

export function openElectronSettings(env?: Env): SettingsStore {
  const e: Env = env ?? { vars: process.env, platform: process.platform, homedir: homedir() };
  const dir = settingsDir(e);
  // Never throws on a bad file (a folder, a FIFO, 100,000 levels of nesting): the store starts with the defaults
  // and lists what it did in `problems`, said here so the tray starts anyway and the log tells why.
  const store = createSettingsStore(
    () => new Store<Record<string, unknown>>({ cwd: dir, name: SETTINGS_NAME }),
    { path: resolve(dir, SETTINGS_FILE) },
  );
  for (const p of store.problems) console.warn(`copilot-meter: settings: ${p}`);
  return store;
}
