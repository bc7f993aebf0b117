/**
 * Launch at login on Linux. Electron's app.setLoginItemSettings only works on macOS and Windows; desktop Linux
 * follows the XDG autostart spec: a .desktop file in $XDG_CONFIG_HOME/autostart starts the app at login.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Env } from '../core/ports';

export const AUTOSTART_FILE = 'copilot-meter.desktop';

export function autostartPath(env: Env): string {
  const config = env.vars.XDG_CONFIG_HOME?.trim() || join(env.homedir, '.config');
  return join(config, 'autostart', AUTOSTART_FILE);
}

/** Exec keys quote arguments containing spaces or reserved characters (Desktop Entry spec, "Exec key"). */
function quoteExec(arg: string): string {
  if (!/[\s"'\\$`<>~|&;*?#()]/.test(arg)) return arg;
  return `"${arg.replace(/(["`$\\])/g, '\\$1')}"`;
}

/** The entry for the running app: the AppImage itself when packaged as one (its mount path changes per run). */
export function autostartEntry(env: Env, execPath: string, args: readonly string[] = []): string {
  const exe = env.vars.APPIMAGE?.trim() || execPath;
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Copilot Meter',
    'Comment=How much of this month’s GitHub Copilot allowance is used',
    `Exec=${[exe, ...args].map(quoteExec).join(' ')}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

/** `args`: the app folder when running unpackaged (`electron .` in development); empty once packaged. */
export function setLinuxAutostart(
  env: Env,
  execPath: string,
  openAtLogin: boolean,
  args: readonly string[] = [],
): void {
  const path = autostartPath(env);
  if (openAtLogin) {
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, autostartEntry(env, execPath, args));
  } else {
    rmSync(path, { force: true });
  }
}
