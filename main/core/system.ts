/**
 * The real implementations of the seams in ports.ts, for the CLI and the app. Tests hand in doubles instead;
 * nothing else in main/core should touch Date.now, setTimeout, process.env or fs directly.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { unlink } from 'node:fs/promises';
import { homedir } from 'node:os';
import type { Clock, Env, Files } from './ports';

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('This operation was aborted', 'AbortError');
}

/** setTimeout's largest delay (2^31 − 1 ms, 24.8 days): a longer one fires after 1 ms instead. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * A timer for any delay: a wait past MAX_TIMER_MS is taken in steps, so it cannot overflow into an immediate
 * one; NaN or a negative delay means now. Returns a cancel function.
 */
export function longTimer(ms: number, fn: () => void): () => void {
  const due = Date.now() + (Number.isFinite(ms) ? Math.max(0, ms) : ms > 0 ? Infinity : 0);
  let timer: ReturnType<typeof setTimeout>;
  const arm = (): void => {
    const left = Math.max(0, due - Date.now());
    timer = setTimeout(left > MAX_TIMER_MS ? arm : fn, Math.min(left, MAX_TIMER_MS));
  };
  arm();
  return () => clearTimeout(timer);
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
        cancel();
        reject(abortReason(signal!));
      };
      const cancel = longTimer(ms, () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      });
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
  setTimer: (ms, fn) => longTimer(ms, fn),
};

/** Read once per call so tests that tweak process.env see their change. */
export function systemEnv(): Env {
  return { vars: process.env, platform: process.platform, homedir: homedir() };
}

/** The largest credential file read: real ones are a few hundred bytes; a few hundred KB is plenty. */
export const MAX_CREDENTIAL_FILE_BYTES = 256 * 1024;

/** Thrown for a path that exists but is not a regular file, or is too large: the source reports it and skips it. */
export class UnreadableFileError extends Error {
  constructor(readonly code: 'ENOTREG' | 'EFBIG') {
    super(code === 'ENOTREG' ? 'not a regular file' : 'too large');
  }
}

/**
 * Reads a credential file, or null when there is none. Only a regular file is read, and at most `limit` bytes
 * of it: the path is opened non-blocking, so a FIFO (or a device) cannot hang the process, then checked with
 * fstat on the open descriptor (no race with a swapped path); anything else throws UnreadableFileError.
 */
export function readRegularFile(path: string, limit = MAX_CREDENTIAL_FILE_BYTES): string | null {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    // ENOTDIR: a parent of the path is a file, which for "is there a credential file here?" means "no".
    const code = (e as { code?: unknown }).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    throw e;
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new UnreadableFileError('ENOTREG');
    if (st.size > limit) throw new UnreadableFileError('EFBIG');
    // The size may change while reading (or lie, as /proc files do): read at most limit + 1 bytes.
    const buf = Buffer.alloc(Math.min(limit + 1, Math.max(st.size, 4096)));
    let len = 0;
    for (;;) {
      if (len === buf.length) break;
      const n = readSync(fd, buf, len, buf.length - len, null);
      if (n === 0) break;
      len += n;
    }
    if (len > limit) throw new UnreadableFileError('EFBIG');
    return buf.toString('utf8', 0, len);
  } finally {
    closeSync(fd);
  }
}

export const nodeFiles: Files = {
  async readText(path) {
    // Synchronous on purpose: credential files are a few hundred bytes, and one blocking read costs ~10 µs
    // where an async one costs four thread-pool round trips (open, stat, read, close), ~50 µs each. It cannot
    // block on a FIFO or a device (opened non-blocking, regular files only) nor read more than 256 KB.
    return readRegularFile(path);
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
