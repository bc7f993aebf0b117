/**
 * What the repository must not hold. A `node_modules` symlink committed by accident replaced the shared
 * checkout's real node_modules with a link to itself when main was checked out: it must never be tracked, and
 * .gitignore must ignore it whether it is a folder or a symlink (a `node_modules/` pattern matches folders only).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8' });

describe('tracked files', () => {
  it('never include node_modules, dist or out', () => {
    const tracked = git('ls-files').split('\n');
    expect(tracked.filter((f) => /^(node_modules|dist|out|release)(\/|$)/.test(f))).toEqual([]);
  });

  it('.gitignore ignores node_modules as a folder and as a symlink', () => {
    const lines = readFileSync(join(root, '.gitignore'), 'utf8').split('\n');
    expect(lines).toContain('node_modules');
    expect(git('check-ignore', '--no-index', 'node_modules').trim()).toBe('node_modules');
  });
});
