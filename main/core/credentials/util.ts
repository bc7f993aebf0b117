/**
 * Shared plumbing for credential sources: platform-aware paths, safe reads that turn every failure into a
 * readable problem, and token classification. Nothing here ever writes a file or puts a token in a message.
 */
import { posix, win32 } from 'node:path';
import type { CredentialSourceId } from '../../../shared/domain';
import type { Env, Files } from '../ports';
import type { Credential, CredentialLookup } from './types';
export { isRecord } from '../../../shared/json';
import { isRecord } from '../../../shared/json';
import { isTokenText } from '../../../shared/tokens';
import { UnreadableFileError } from '../system';

export type Problem = CredentialLookup['problems'][number];

/** Windows paths are built with win32 rules even when tests run on Linux, so the lookup logic is testable. */
export function joinPath(env: Env, ...parts: string[]): string {
  return env.platform === 'win32' ? win32.join(...parts) : posix.join(...parts);
}

/** A non-empty env var, else undefined ("" counts as unset, as shells often export empty values). */
export function envVar(env: Env, name: string): string | undefined {
  const v = env.vars[name];
  return v && v.trim() !== '' ? v : undefined;
}

/** ~/.config, honouring XDG_CONFIG_HOME. */
export function configHome(env: Env): string {
  return envVar(env, 'XDG_CONFIG_HOME') ?? joinPath(env, env.homedir, '.config');
}

/** ~/.local/share, honouring XDG_DATA_HOME. */
export function dataHome(env: Env): string {
  return envVar(env, 'XDG_DATA_HOME') ?? joinPath(env, env.homedir, '.local', 'share');
}

/** %APPDATA% on Windows (falls back to the usual place under the profile). */
export function appData(env: Env): string {
  return envVar(env, 'APPDATA') ?? win32.join(env.homedir, 'AppData', 'Roaming');
}

export function localAppData(env: Env): string {
  return envVar(env, 'LOCALAPPDATA') ?? win32.join(env.homedir, 'AppData', 'Local');
}

/** Kind by prefix. Unknown prefixes are treated as PATs (the only kind a user pastes by hand). */
export function tokenKind(token: string): Credential['kind'] {
  if (token.startsWith('gho_') || token.startsWith('ghu_')) return 'oauth';
  // Copilot session tokens look like "tid=…;exp=…;sku=…:<mac>".
  if (token.startsWith('tid=')) return 'session';
  return 'pat';
}

/** Known PAT/OAuth/session prefixes; anything else (a GHES token, a proxy's token) could be either kind. */
export function hasKnownPrefix(token: string): boolean {
  return /^(github_pat_|ghp_|gho_|ghu_|tid=)/.test(token);
}

/**
 * A plausible token: printable ASCII without spaces, 4 to 4096 characters (Copilot session tokens run long).
 * Guards against garbage in files: anything else could not even be sent in a header.
 */
export function looksLikeToken(x: unknown): x is string {
  return isTokenText(x);
}

export type ReadResult<T> = { ok: true; value: T } | { ok: false; problem: Problem } | { ok: 'missing' };

/** Reads a file; a missing file is not a problem, an unreadable one is (with the path and the reason). */
export async function readFileSafe(
  files: Files,
  source: CredentialSourceId,
  path: string,
): Promise<ReadResult<string>> {
  try {
    const text = await files.readText(path);
    return text === null ? { ok: 'missing' } : { ok: true, value: text };
  } catch (e) {
    if (e instanceof UnreadableFileError) {
      const what = e.code === 'ENOTREG' ? 'is not a regular file' : 'is larger than 256 KB';
      return { ok: false, problem: problem(source, path, `${what}; skipped`) };
    }
    const code = (e as { code?: unknown }).code;
    const why = typeof code === 'string' ? code : 'unreadable';
    return { ok: false, problem: problem(source, path, `cannot be read (${why})`) };
  }
}

/** Reads and parses a JSON object file. Parser messages are not echoed: they can quote file content (a token). */
export async function readJsonObject(
  files: Files,
  source: CredentialSourceId,
  path: string,
): Promise<ReadResult<Record<string, unknown>>> {
  const r = await readFileSafe(files, source, path);
  if (r.ok !== true) return r;
  let parsed: unknown;
  try {
    parsed = JSON.parse(r.value.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, problem: problem(source, path, 'is not valid JSON (the file is left untouched)') };
  }
  if (!isRecord(parsed)) {
    return { ok: false, problem: problem(source, path, 'does not contain a JSON object (left untouched)') };
  }
  return { ok: true, value: parsed };
}

export function problem(source: CredentialSourceId, path: string, what: string): Problem {
  const message = `${path}: ${what}`;
  return { source, origin: path, message, error: { kind: 'config', reason: 'corruptFile', detail: message } };
}

export const emptyLookup = (): CredentialLookup => ({ credentials: [], problems: [] });

/** Drops duplicate paths (e.g. XDG_CONFIG_HOME pointing at ~/.config) while keeping order. */
export function uniquePaths(paths: string[]): string[] {
  return [...new Set(paths)];
}
