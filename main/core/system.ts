/**
 * The real implementations of the seams in ports.ts, for the CLI and the app. Tests hand in doubles instead;
 * nothing else in main/core should touch Date.now, setTimeout, process.env or fs directly.
 */
import { readFileSync, statSync } from 'node:fs';
import { unlink } from 'node:fs/promises';
import { homedir } from 'node:os';
import type { Clock, Env, Files } from './ports';

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('This operation was aborted', 'AbortError');
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(abortReason(signal));
        return;
      }
      const onAbort = (): void => {
        clearTimeout(timer);
        reject(abortReason(signal!));
      };
      const timer = setTimeout(
        () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
        Math.max(0, ms),
      );
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
  setTimer: (ms, fn) => {
    const timer = setTimeout(fn, Math.max(0, ms));
    return () => clearTimeout(timer);
  },
};

/** Read once per call so tests that tweak process.env see their change. */
export function systemEnv(): Env {
  return { vars: process.env, platform: process.platform, homedir: homedir() };
}

export const nodeFiles: Files = {
  async readText(path) {
    try {
      // Synchronous on purpose: credential files are a few hundred bytes, and one blocking read costs ~10 µs
      // where an async one costs four thread-pool round trips (open, stat, read, close), ~50 µs each. Most of
      // the places looked at hold no file: a stat that returns undefined is far cheaper than a thrown ENOENT.
      if (!statSync(path, { throwIfNoEntry: false })) return null;
      return readFileSync(path, 'utf8');
    } catch (e) {
      // ENOTDIR: a parent of the path is a file, which for "is there a credential file here?" means "no".
      const code = (e as { code?: unknown }).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return null;
      throw e;
    }
  },
};

/** Deletes a file; false when it was already gone (the user removed it by hand, or a second click). */
export async function removeFile(path: string): Promise<boolean> {
  try {
    await unlink(path);
    return true;
  } catch (e) {
    if ((e as { code?: unknown }).code === 'ENOENT') return false;
    throw e;
  }
}
