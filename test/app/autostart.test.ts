import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { autostartEntry, autostartPath, setLinuxAutostart } from '../../main/app/autostart';
import type { Env } from '../../main/core/ports';

let home: string;
let env: Env;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'cm-autostart-'));
  env = { vars: {}, platform: 'linux', homedir: home };
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

describe('launch at login on Linux (XDG autostart)', () => {
  it('writes a desktop entry under ~/.config/autostart when turned on and removes it when turned off', () => {
    setLinuxAutostart(env, '/opt/Copilot Meter/copilot-meter', true);
    const path = join(home, '.config/autostart/copilot-meter.desktop');
    const entry = readFileSync(path, 'utf8');
    expect(entry).toContain('[Desktop Entry]');
    expect(entry).toContain('Exec="/opt/Copilot Meter/copilot-meter"');
    setLinuxAutostart(env, '/opt/Copilot Meter/copilot-meter', false);
    expect(existsSync(path)).toBe(false);
    // Turning it off twice is not an error.
    expect(() => setLinuxAutostart(env, '/x', false)).not.toThrow();
  });

  it('follows XDG_CONFIG_HOME and starts the AppImage itself when packaged as one', () => {
    env.vars = { XDG_CONFIG_HOME: join(home, 'cfg'), APPIMAGE: '/home/me/Apps/CopilotMeter.AppImage' };
    expect(autostartPath(env)).toBe(join(home, 'cfg/autostart/copilot-meter.desktop'));
    expect(
      autostartEntry({ ...env, vars: {} }, '/usr/lib/electron/electron', ['/home/me/src/copilot meter']),
    ).toContain('Exec=/usr/lib/electron/electron "/home/me/src/copilot meter"');
    expect(autostartEntry(env, '/tmp/.mount_xyz/copilot-meter')).toContain(
      'Exec=/home/me/Apps/CopilotMeter.AppImage',
    );
  });
});
