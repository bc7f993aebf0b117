/** A JSON object (not null, not an array): the first check on anything read from GitHub, a file or IPC. */
export function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
