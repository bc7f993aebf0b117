/**
 * A real Secret Service for keychain tests: a PRIVATE D-Bus session bus plus gnome-keyring-daemon with a fresh
 * login keyring (temp HOME and XDG_RUNTIME_DIR, so the developer's own keyring is never touched).
 *
 * keytar (libsecret) connects once per process and keeps that connection, so start this BEFORE the first
 * keytar call in a test file; it sets process.env.DBUS_SESSION_BUS_ADDRESS for that reason. Cases that need
 * another bus (a dead one) run in a child process with `env`.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { accessSync, constants, mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { describeIfAvailable } from './skip';

export interface SecretServiceHandle {
  /** DBUS_SESSION_BUS_ADDRESS, HOME and XDG_RUNTIME_DIR of the private session (for child processes). */
  env: Record<string, string>;
  stop(): Promise<void>;
}

function onPath(cmd: string): boolean {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    try {
      accessSync(join(dir, cmd), constants.X_OK);
      return true;
    } catch {
      // keep looking
    }
  }
  return false;
}

/** Whether this machine can run the private Secret Service (synchronous: describeIfAvailable needs it early). */
export function secretServiceSupport(): { available: boolean; why: string } {
  if (process.platform !== 'linux')
    return { available: false, why: 'the private Secret Service is Linux-only' };
  const missing = ['dbus-daemon', 'gnome-keyring-daemon'].filter((c) => !onPath(c));
  return missing.length
    ? { available: false, why: `${missing.join(' and ')} not installed (apt install dbus gnome-keyring)` }
    : { available: true, why: '' };
}

const firstLine = (child: ChildProcess, ms: number): Promise<string> =>
  new Promise((resolve, reject) => {
    let buf = '';
    const timer = setTimeout(() => reject(new Error('dbus-daemon did not print its address')), ms);
    child.stdout!.on('data', (d: Buffer) => {
      buf += d.toString();
      const i = buf.indexOf('\n');
      if (i >= 0) {
        clearTimeout(timer);
        resolve(buf.slice(0, i).trim());
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`dbus-daemon exited (${code})`));
    });
  });

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const exited = (child: ChildProcess): Promise<void> =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((r) => child.once('exit', () => r()));

/** Starts the private session, or returns null when the tools are missing. Throws if they exist but fail. */
export async function startSecretService(): Promise<SecretServiceHandle | null> {
  if (!secretServiceSupport().available) return null;
  const base = mkdtempSync(join(tmpdir(), 'cm-secret-service-'));
  const home = join(base, 'home');
  const runtime = join(base, 'run');
  mkdirSync(home, { recursive: true });
  mkdirSync(runtime, { recursive: true, mode: 0o700 });
  const baseEnv: NodeJS.ProcessEnv = {
    ...process.env,
    HOME: home,
    XDG_RUNTIME_DIR: runtime,
    XDG_DATA_HOME: join(home, '.local/share'),
  };
  delete baseEnv.DBUS_SESSION_BUS_ADDRESS;

  // --nofork keeps the daemon our child, so stop() can kill exactly it (no pid files, no broad kill).
  const bus = spawn('dbus-daemon', ['--session', '--nofork', '--print-address=1'], {
    env: baseEnv,
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  let keyring: ChildProcess | undefined;
  const stopAll = async (): Promise<void> => {
    for (const c of [keyring, bus]) {
      if (!c || c.exitCode !== null || c.signalCode !== null) continue;
      c.kill('SIGTERM');
      await Promise.race([exited(c), sleep(2000)]);
      if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    }
    rmSync(base, { recursive: true, force: true });
  };
  try {
    const address = await firstLine(bus, 5000);
    const env = { DBUS_SESSION_BUS_ADDRESS: address, HOME: home, XDG_RUNTIME_DIR: runtime };
    // --unlock with a NON-empty password creates and unlocks the "login" collection (an empty one is refused).
    keyring = spawn('gnome-keyring-daemon', ['--foreground', '--unlock', '--components=secrets'], {
      env: { ...baseEnv, ...env },
      stdio: ['pipe', 'ignore', 'ignore'],
    });
    keyring.stdin!.end('test-password');
    await waitForSecrets(env);

    const previous = process.env.DBUS_SESSION_BUS_ADDRESS;
    process.env.DBUS_SESSION_BUS_ADDRESS = address;
    return {
      env,
      async stop() {
        if (previous === undefined) delete process.env.DBUS_SESSION_BUS_ADDRESS;
        else process.env.DBUS_SESSION_BUS_ADDRESS = previous;
        await stopAll();
      },
    };
  } catch (e) {
    await stopAll();
    throw e;
  }
}

/** Waits until org.freedesktop.secrets is owned on the private bus (asking does not trigger activation). */
async function waitForSecrets(env: Record<string, string>): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const r = spawnSync(
      'dbus-send',
      [
        '--session',
        '--print-reply',
        '--dest=org.freedesktop.DBus',
        '/org/freedesktop/DBus',
        'org.freedesktop.DBus.NameHasOwner',
        'string:org.freedesktop.secrets',
      ],
      { env: { ...process.env, ...env }, encoding: 'utf8' },
    );
    if (r.error) {
      // No dbus-send: give the daemon a moment instead.
      await sleep(500);
      return;
    }
    if (/boolean true/.test(r.stdout)) return;
    await sleep(50);
  }
  throw new Error('gnome-keyring-daemon did not register org.freedesktop.secrets within 10 s');
}

/** `secret-tool search --all service <service>` on the private session: what really sits in the keychain. */
export function secretToolSearch(env: Record<string, string>, service = 'copilot-meter'): string | null {
  if (!onPath('secret-tool')) return null;
  const r = spawnSync('secret-tool', ['search', '--all', '--unlock', 'service', service], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  // secret-tool prints attributes on stderr and the rest on stdout.
  return `${r.stdout}\n${r.stderr}`;
}

/**
 * describe() against a private, running Secret Service: started before the block's tests, stopped after.
 * Skipped visibly when the tools are missing (a failure under CI=true). `handle()` gives its env (secret-tool).
 */
export function describeWithSecretService(
  name: string,
  body: (handle: () => SecretServiceHandle) => void,
): void {
  const support = secretServiceSupport();
  describeIfAvailable(
    'secret-service',
    support.available,
    support.why,
  )(name, () => {
    let ss: SecretServiceHandle | null = null;
    beforeAll(async () => {
      ss = await startSecretService();
      if (!ss) throw new Error('Secret Service tools vanished between the check and the start');
    });
    afterAll(async () => {
      await ss?.stop();
    });
    body(() => {
      if (!ss) throw new Error('the Secret Service is not running');
      return ss;
    });
  });
}
