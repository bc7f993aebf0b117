/**
 * Runs the built CLI (`bin/copilot-meter.mjs`) as a user would, in a private HOME: its own config and data
 * folders, settings under HOME/settings, no Secret Service (a test that wants the keychain passes its own
 * DBUS_SESSION_BUS_ADDRESS), English and UTC. Resolves with the exit code and both streams; never rejects.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';

export const BIN = join(import.meta.dirname, '../../bin/copilot-meter.mjs');

export interface BinRun {
  code: number;
  stdout: string;
  stderr: string;
  /** Wall time of the run, in ms. */
  ms: number;
}

export interface BinRunOptions {
  /** Written to the CLI's standard input, which is then closed (closed at once without it). */
  stdin?: string;
  /** The run is killed after this long (default 20 s). */
  timeoutMs?: number;
  /** Bytes of output kept per stream (default Node's 1 MB). */
  maxBuffer?: number;
}

export function runBin(
  home: string,
  args: string[],
  env: Record<string, string> = {},
  opts: BinRunOptions = {},
): Promise<BinRun> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [BIN, ...args],
      {
        env: {
          PATH: process.env.PATH ?? '',
          HOME: home,
          XDG_CONFIG_HOME: join(home, '.config'),
          XDG_DATA_HOME: join(home, '.local/share'),
          COPILOT_METER_CONFIG_DIR: join(home, 'settings'),
          // No Secret Service unless the test brings one: these runs must not need the keychain.
          DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent',
          LANG: 'en_US.UTF-8',
          TZ: 'UTC',
          ...env,
        },
        timeout: opts.timeoutMs ?? 20_000,
        ...(opts.maxBuffer ? { maxBuffer: opts.maxBuffer } : {}),
      },
      (error, stdout, stderr) => {
        const code = error && typeof error.code === 'number' ? error.code : error ? 1 : 0;
        resolve({ code, stdout, stderr, ms: Date.now() - started });
      },
    );
    if (opts.stdin !== undefined) child.stdin?.end(opts.stdin);
    else child.stdin?.end();
  });
}
