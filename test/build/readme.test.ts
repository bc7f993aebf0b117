/**
 * The README stands alone and its first lines are real: no link outside the repository, the install and run
 * commands at the top name scripts and a bin that exist, and the CLI-only install skips Electron's download.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenarios } from '../fake-github/scenarios';

const root = join(import.meta.dirname, '..', '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
  bin: Record<string, string>;
};

/** The first fenced block of the README: the lines a new user runs first. */
const firstBlock = (): string[] => {
  const m = /```sh\n([\s\S]*?)```/.exec(readme);
  if (!m) throw new Error('README has no sh block');
  return m[1]!.split('\n').filter((l) => l.trim() !== '');
};

/** The command part of a line (before an aligned # comment). */
const command = (line: string): string => line.replace(/\s{2,}#.*$/, '').trim();

describe('the README', () => {
  it('links nothing outside the repository (no ../shared, no /work paths)', () => {
    expect(readme).not.toMatch(/\.\.\/shared/);
    expect(readme).not.toMatch(/\/work\//);
    for (const file of ['docs/architecture.md']) {
      expect(readFileSync(join(root, file), 'utf8')).not.toMatch(/\.\.\/shared|\/work\//);
    }
  });

  it('no tracked file points at design notes outside the repository (../shared/architecture.md)', () => {
    const files = execFileSync('git', ['ls-files'], { cwd: root, encoding: 'utf8' })
      .split('\n')
      .filter((f) => f !== '' && f !== 'test/build/readme.test.ts' && existsSync(join(root, f)));
    const offenders = files.filter((f) =>
      /\.\.\/shared\/architecture|\/work\/shared/.test(readFileSync(join(root, f), 'utf8')),
    );
    expect(offenders).toEqual([]);
  });

  it('links only files that exist in the repository', () => {
    for (const [, target] of readme.matchAll(/\]\(((?!https?:|#)[^)#\s]+)[^)]*\)/g)) {
      expect(existsSync(join(root, target!)), target).toBe(true);
    }
  });

  it('starts with the app’s install and run, then a CLI-only install that skips Electron’s binary', () => {
    const lines = firstBlock().map(command);
    expect(lines[0]).toBe('npm ci && npm start');
    expect(lines[1]).toMatch(/^ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm ci && npx copilot-meter status/);
  });

  it('names only scripts package.json has, and the bin npx runs', () => {
    for (const line of firstBlock().map(command)) {
      for (const [, script] of line.matchAll(/npm run ([\w:-]+)/g))
        expect(pkg.scripts, script).toHaveProperty(script!);
      if (/\bnpm start\b/.test(line)) expect(pkg.scripts.start).toContain('scripts/start.mjs');
      if (/\bnpm test\b/.test(line)) expect(pkg.scripts).toHaveProperty('test');
      for (const [, bin] of line.matchAll(/npx ([\w-]+)/g)) {
        expect(pkg.bin, bin).toHaveProperty(bin!);
        expect(existsSync(join(root, pkg.bin[bin!]!))).toBe(true);
      }
    }
  });

  it('documents the app’s --api-url and COPILOT_METER_API_URL, OpenCode’s auth.json and every fake GitHub scenario', () => {
    expect(readme).toContain('npm start -- --api-url URL');
    expect(readme).toContain('COPILOT_METER_API_URL=URL');
    expect(readme).toContain('"github-copilot": { "type": "oauth", "refresh"');
    expect(readme).toContain('npm run fake-github -- --scenario NAME');
    for (const name of Object.keys(scenarios)) expect(readme, name).toContain(`\`${name}\``);
  });

  it('says which Node the packaging tools need', () => {
    const rebuild = JSON.parse(
      readFileSync(join(root, 'node_modules/@electron/rebuild/package.json'), 'utf8'),
    ) as { engines?: { node?: string } };
    const min = /(\d+\.\d+)/.exec(rebuild.engines?.node ?? '')?.[1];
    expect(min).toBeDefined();
    expect(readme).toContain(`Node ${min} or newer`);
  });
});
