/**
 * `npm start` runs scripts/start.mjs: without Electron's binary it prints this project's explanation (CLI still
 * works, how to fetch the binary) instead of Electron's "delete node_modules/electron" message; with one it starts
 * it on the project with the given arguments. Each case copies the script into a temporary project whose
 * node_modules/electron is a stand-in.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
let dir: string | null = null;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = null;
});

/** A project with scripts/start.mjs and node_modules/electron/index.js = `electronIndex` (none: no package). */
function project(electronIndex: string | null): string {
  dir = mkdtempSync(join(tmpdir(), 'cm-start-'));
  mkdirSync(join(dir, 'scripts'));
  copyFileSync(join(root, 'scripts/start.mjs'), join(dir, 'scripts/start.mjs'));
  writeFileSync(join(dir, 'package.json'), '{"name":"x","private":true}');
  if (electronIndex !== null) {
    mkdirSync(join(dir, 'node_modules/electron'), { recursive: true });
    writeFileSync(join(dir, 'node_modules/electron/package.json'), '{"name":"electron","main":"index.js"}');
    writeFileSync(join(dir, 'node_modules/electron/index.js'), electronIndex);
  }
  return dir;
}

const start = (cwd: string, args: string[] = []) =>
  spawnSync(process.execPath, [join(cwd, 'scripts/start.mjs'), ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 15_000,
  });

// What electron's index.js does when its postinstall download never ran (electron 41).
const NEVER_DOWNLOADED = `throw new Error('Electron failed to install correctly, please delete node_modules/electron and try installing again');`;

describe('npm start without the Electron binary', () => {
  it.each([
    ['never downloaded', NEVER_DOWNLOADED],
    ['a path that is not there', `module.exports = require('path').join(__dirname, 'dist', 'electron');`],
    ['no electron package at all', null],
  ])('explains it in this project’s words (%s)', (_case, index) => {
    const r = start(project(index));
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("Copilot Meter: the tray app needs Electron's binary");
    expect(r.stderr).toContain('npx copilot-meter status');
    expect(r.stderr).toContain('node node_modules/electron/install.js');
    expect(r.stderr).not.toContain('please delete node_modules/electron');
    expect(r.stdout).toBe('');
  });
});

describe('npm start with the Electron binary', () => {
  it('starts it on the project with the given arguments and passes its exit code on', () => {
    const cwd = project(`module.exports = require('path').join(__dirname, 'fake-electron.sh');`);
    const fake = join(cwd, 'node_modules/electron/fake-electron.sh');
    writeFileSync(fake, '#!/bin/sh\necho "electron $*"\nexit 3\n');
    chmodSync(fake, 0o755);
    const r = start(cwd, ['--api-url', 'http://127.0.0.1:8787']);
    expect(r.stdout.trim()).toBe(`electron ${cwd} --api-url http://127.0.0.1:8787`);
    expect(r.status).toBe(3);
  });
});
