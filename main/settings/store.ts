/**
 * The settings file, shared by the tray app (electron-store) and the CLI (conf): same directory, same name,
 * same schema. Both libraries are reduced to a minimal backing (`store` getter/setter + `path`), and this file
 * adds what they lack: a backup before anything overwrites a broken file, per-key repair, migrations, and no
 * secrets. Writes go through the backing, and conf/electron-store write atomically (temp file + rename).
 */
import { copyFileSync, existsSync, mkdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, posix, resolve, win32 } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import Conf from 'conf';
import { lockSync } from 'proper-lockfile';
import { configError } from '../../shared/errors';
import { nestsDeeperThan } from '../../shared/json';
import type { Env } from '../core/ports';
import { readRegularFile, UnreadableFileError } from '../core/system';
import { defaultSettings, migrateSettings, SETTINGS_VERSION, validateSettingsDetailed } from './schema';
import type { Settings } from './types';
import { redactTokenText } from '../../shared/tokens';

export const SETTINGS_NAME = 'settings';
/** A settings file larger than this is not one this app wrote (the last reading is its biggest part). */
export const MAX_SETTINGS_BYTES = 8 * 1024 * 1024;
/** How long an update waits for another process's lock on the settings file before giving up. */
export const SETTINGS_LOCK_WAIT_MS = 10_000;
export const SETTINGS_FILE = `${SETTINGS_NAME}.json`;
const APP_DIR = 'copilot-meter';

export interface SettingsStore {
  /** The current settings (re-read from disk, so a change made by the CLI shows up in the tray and back). */
  get(): Settings;
  /**
   * Applies a patch or a function of the current settings, validates, writes, returns the result.
   * Throws AppError config/badInput (nothing written) when the result is invalid or holds a token.
   */
  update(change: Partial<Settings> | ((current: Settings) => Settings)): Settings;
  readonly path: string;
  /** What was wrong with the file and has been repaired, each reported once ("thresholds: …; reset to default"). */
  readonly problems: string[];
}

/** What conf and electron-store both offer, and all this module needs of them. */
export interface SettingsBacking {
  store: Record<string, unknown>;
  readonly path: string;
}

/** Where settings live: COPILOT_METER_CONFIG_DIR, else the OS's per-user config directory + copilot-meter. */
export function settingsDir(env: Env): string {
  const v = (name: string): string | undefined => {
    const x = env.vars[name];
    return x && x.trim() !== '' ? x : undefined;
  };
  const override = v('COPILOT_METER_CONFIG_DIR');
  if (override) return override;
  switch (env.platform) {
    case 'win32':
      return win32.join(v('APPDATA') ?? win32.join(env.homedir, 'AppData', 'Roaming'), APP_DIR);
    case 'darwin':
      return posix.join(env.homedir, 'Library', 'Application Support', APP_DIR);
    default:
      return posix.join(v('XDG_CONFIG_HOME') ?? posix.join(env.homedir, '.config'), APP_DIR);
  }
}

export interface OpenSettingsOptions {
  env: Env;
  /** Overrides settingsDir(env). */
  dir?: string;
  /** For backup names; defaults to Date.now. */
  now?: () => number;
}

/** CLI and tests: the settings file through conf. */
export function openSettings(opts: OpenSettingsOptions): SettingsStore {
  const dir = opts.dir ?? settingsDir(opts.env);
  return createSettingsStore(
    () => new Conf<Record<string, unknown>>({ cwd: dir, configName: SETTINGS_NAME }),
    // The same path conf computes (path.resolve(cwd, name + '.json')), known before conf is constructed.
    { path: resolve(dir, SETTINGS_FILE), ...(opts.now ? { now: opts.now } : {}) },
  );
}

/**
 * Wraps a backing (constructed by `open`, lazily, because conf and electron-store throw from their constructor
 * on a file that is not JSON: the file is backed up and reset first, then `open` runs again).
 */
export function createSettingsStore(
  open: () => SettingsBacking,
  opts: { path: string; now?: () => number },
): SettingsStore {
  const now = opts.now ?? Date.now;
  const file = opts.path;
  const problems: string[] = [];
  const report = (lines: string[]): void => {
    for (const l of lines) if (!problems.includes(l)) problems.push(l);
  };

  /**
   * Copies the file before it is overwritten. Token-looking text is blanked: the copy must not keep a leak. The
   * same content is copied once: a file that cannot be rewritten (read-only) is read again on every get().
   */
  let lastCopy: { text: string; target: string } | null = null;
  const backup = (): string | null => {
    let text: string;
    try {
      const read = readRegularFile(file, MAX_SETTINGS_BYTES);
      if (read === null) return null;
      text = read;
    } catch {
      return null;
    }
    if (lastCopy?.text === text) return lastCopy.target;
    const stamp = new Date(now()).toISOString().replace(/[:.]/g, '-');
    let target = `${file}.corrupt-${stamp}`;
    for (let i = 1; existsSync(target); i++) target = `${file}.corrupt-${stamp}-${i}`;
    const clean = redactTokenText(text, '[token removed]');
    try {
      if (clean === text) copyFileSync(file, target);
      else writeFileSync(target, clean, { mode: 0o600 });
    } catch {
      // A read-only folder: no copy can be kept. The file itself is not rewritten either (see load()).
      return null;
    }
    lastCopy = { text, target };
    return target;
  };

  /**
   * Why the file must not be written, or null: a path that is not a regular file (a directory, a FIFO) is never
   * replaced, and a file the user made read-only (no write bit, 0444) is respected even where its folder is
   * writable, where an atomic rename would otherwise replace it with a new, writable one.
   */
  const unwritable = (): string | null => {
    let st;
    try {
      st = statSync(file, { throwIfNoEntry: false });
    } catch {
      return null;
    }
    if (!st) return null;
    if (!st.isFile()) return 'is not a regular file';
    if (process.platform !== 'win32' ? (st.mode & 0o222) === 0 : (st.mode & 0o200) === 0)
      return 'is read-only';
    return null;
  };
  const refuseWrite = (why: string) =>
    configError({ reason: 'other', detail: `${file} ${why}; nothing was saved` });

  /** Replaces the file by write-then-rename (used only before the backing exists). */
  const writeRaw = (data: unknown): void => {
    const why = unwritable();
    if (why) throw refuseWrite(why);
    mkdirSync(dirname(file), { recursive: true });
    const tmp = `${file}.tmp-${process.pid}`;
    writeFileSync(tmp, JSON.stringify(data, undefined, '\t'));
    renameSync(tmp, file);
  };

  /** Reads the file as text (not through the backing, which would turn `[1]` or `null` into an object). */
  const readRaw = (): { exists: boolean; data: Record<string, unknown> } => {
    let text: string;
    try {
      const read = readRegularFile(file, MAX_SETTINGS_BYTES);
      if (read === null) return { exists: false, data: {} };
      text = read;
    } catch (e) {
      if (e instanceof UnreadableFileError) {
        // A directory, a FIFO, a device or a huge file where settings belong: never read it through, never
        // replace it; the defaults are used for this run.
        const what = e.code === 'ENOTREG' ? 'is not a regular file' : 'is far too large';
        report([`(file): ${file} ${what}; defaults are used and nothing is saved there`]);
        return { exists: false, data: {} };
      }
      throw configError({ reason: 'corruptFile', detail: `${file}: cannot be read` }, { cause: e });
    }
    let parsed: unknown;
    try {
      parsed = text.trim() === '' ? {} : JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch {
      parsed = undefined;
    }
    // Nested deeper than any settings file this app writes: treated like a file that is not settings at all
    // (validating it recursively could overflow the stack).
    if (nestsDeeperThan(parsed)) parsed = undefined;
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      const copy = backup();
      try {
        writeRaw({ version: SETTINGS_VERSION });
      } catch {
        // Read-only: nothing is overwritten, defaults are used in memory (and the broken file is left as it is).
        report(['(file): not valid JSON and cannot be written; defaults are used for now']);
        return { exists: false, data: {} };
      }
      // Parser messages are not echoed: they can quote file content.
      report([`(file): not valid JSON${copy ? `; a copy was kept as ${copy}` : ''}; all settings reset`]);
      return { exists: true, data: {} };
    }
    return { exists: true, data: parsed as Record<string, unknown> };
  };

  let backing: SettingsBacking | undefined;
  const getBacking = (): SettingsBacking => {
    if (backing) return backing;
    try {
      backing = open();
    } catch {
      // The library refused the file (it changed between our check and its read): treat as corrupt once.
      const copy = backup();
      writeRaw({ version: SETTINGS_VERSION });
      report([
        `(file): could not be opened${copy ? `; a copy was kept as ${copy}` : ''}; all settings reset`,
      ]);
      backing = open();
    }
    return backing;
  };

  let cached: Settings = defaultSettings();

  /** Reads, migrates, repairs (backing up first when a value is lost) and writes the repair back. */
  const load = (): { settings: Settings; extras: Record<string, unknown> } => {
    const raw = readRaw();
    const migrated = migrateSettings(raw.data);
    const v = validateSettingsDetailed(migrated.data);
    const lossy = v.detailed.some((p) => p.severity !== 'repaired');
    let copy: string | null = null;
    // Anything that loses a value (a reset key, a key dropped for holding a token) is copied first.
    if (raw.exists && v.detailed.some((p) => p.severity !== 'repaired')) copy = backup();
    if (v.problems.length) {
      report(v.problems.map((p) => (copy && lossy ? `${p} (a copy was kept as ${copy})` : p)));
    }
    const full = { ...v.extras, ...v.settings };
    // A missing file stays missing until something is saved: reading settings must not create files.
    if (raw.exists && !isDeepStrictEqual(raw.data, full)) {
      try {
        const why = unwritable();
        if (why) throw refuseWrite(why);
        getBacking().store = full;
      } catch {
        // A read-only file (a dotfiles symlink, a managed machine): the repaired values are used in memory, and
        // reading must still work. Saving something later reports its own error.
        report(['(file): cannot be written; repaired values are used for now but not saved']);
      }
    }
    cached = v.settings;
    return { settings: v.settings, extras: v.extras };
  };

  try {
    load();
  } catch (e) {
    // Whatever is wrong with the file, the app and the CLI start with the defaults, and say so.
    const detail = (e as { info?: { detail?: unknown } }).info?.detail;
    report([
      `(file): ${typeof detail === 'string' ? detail : 'could not be read'}; defaults are used for now`,
    ]);
  }

  return {
    path: file,
    problems,
    get() {
      try {
        return load().settings;
      } catch {
        // A transient read error must not take the app down; the last good settings stay in force.
        return structuredClone(cached);
      }
    },
    update(change) {
      // Read-modify-write under a lock on the file, so parallel writers (CLI runs, the tray) each see the
      // others' changes instead of overwriting them.
      return withFileLock(file, () => {
        const why = unwritable();
        if (why) throw refuseWrite(why);
        const { settings: current, extras } = load();
        const next =
          typeof change === 'function' ? change(structuredClone(current)) : { ...current, ...change };
        const v = validateSettingsDetailed(next);
        const refused = v.detailed.filter((p) => p.severity !== 'repaired');
        if (refused.length) {
          throw configError({ reason: 'badInput', detail: refused.map((p) => p.text).join('; ') });
        }
        getBacking().store = { ...extras, ...v.settings };
        cached = v.settings;
        return structuredClone(v.settings);
      });
    },
  };
}

const sleepSync = (ms: number): void => {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
};

/**
 * Runs `fn` holding proper-lockfile's lock on `file` (a `<file>.lock` directory beside it; a lock left by a
 * crashed process goes stale after 10 s). Synchronous, like the store: waits in short sleeps for at most
 * SETTINGS_LOCK_WAIT_MS, then throws AppError config. Where no lock can be made at all (a read-only folder), `fn`
 * runs anyway: it cannot write there either, and says so itself.
 */
export function withFileLock<T>(file: string, fn: () => T, waitMs = SETTINGS_LOCK_WAIT_MS): T {
  const deadline = Date.now() + waitMs;
  let release: (() => void) | null = null;
  try {
    mkdirSync(dirname(file), { recursive: true });
  } catch {
    // No folder and none can be made: fn reports it.
  }
  for (;;) {
    try {
      release = lockSync(file, { realpath: false, lockfilePath: `${file}.lock`, stale: 10_000 });
      break;
    } catch (e) {
      if ((e as { code?: unknown }).code !== 'ELOCKED') break;
      if (Date.now() >= deadline) {
        throw configError(
          { reason: 'other', detail: `${file} is locked by another process; nothing was saved` },
          { cause: e },
        );
      }
      sleepSync(10 + Math.floor(Math.random() * 40));
    }
  }
  try {
    return fn();
  } finally {
    try {
      release?.();
    } catch {
      // Already released or compromised (stale): nothing left to undo.
    }
  }
}
