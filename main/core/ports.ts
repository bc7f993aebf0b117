/**
 * The seams through which every effect enters main/core. Real implementations live beside them (system.ts);
 * tests hand in doubles (a fake clock that runs days in milliseconds, a loopback HTTP server, temp dirs).
 */

export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
  /** Resolves after ms (rejects with the signal's reason when aborted). */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** Schedules fn; returns a cancel function. The scheduler uses this so fake clocks can drive it. */
  setTimer(ms: number, fn: () => void): () => void;
}

/** Randomness for jitter, injectable so backoff is testable. Returns [0, 1). */
export type Random = () => number;

export interface HttpRequest {
  url: string;
  method?: 'GET' | 'POST' | 'DELETE';
  headers: Record<string, string>;
  body?: string;
  /** Abort after this many ms (TimeoutError). */
  timeoutMs: number;
  /** Refuse (AppError tooLarge) a decoded body larger than this; default http.ts MAX_BODY_BYTES. */
  maxBodyBytes?: number;
  signal?: AbortSignal;
}

export interface HttpResponse {
  status: number;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  body: string;
}

/** A bare transport: never throws on HTTP status; throws AppError network/timeout on transport failure. */
export interface Http {
  request(req: HttpRequest): Promise<HttpResponse>;
}

/** Process environment and well-known directories, so credential lookups can be redirected in tests. */
export interface Env {
  vars: Readonly<Record<string, string | undefined>>;
  platform: NodeJS.Platform;
  homedir: string;
}

/** Minimal read-only file access for credential sources. */
export interface Files {
  /** Contents, or null when the file does not exist. Other errors throw. */
  readText(path: string): Promise<string | null>;
}
