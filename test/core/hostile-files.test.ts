/**
 * Issue 12, the credential files: FIFOs, devices, huge files where a credential file belongs (item 1), and a
 * hostile hosts.yml (item 14). Real files in a temp folder, read through the real sources.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ghCliSource, parseSimpleYaml } from '../../main/core/credentials/gh-cli';
import { opencodeSource } from '../../main/core/credentials/opencode';
import type { Env } from '../../main/core/ports';
import { MAX_CREDENTIAL_FILE_BYTES, nodeFiles } from '../../main/core/system';
import { FAKE_OAUTH } from '../fake-github/scenarios';

let home: string;
let env: Env;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'cm-hostile-files-'));
  env = { vars: {}, platform: 'linux', homedir: home };
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

const authPath = () => join(home, '.local/share/opencode/auth.json');

describe('a credential path that is not a small regular file (item 1)', () => {
  it('reports a FIFO as skipped at once instead of blocking on it', async () => {
    mkdirSync(join(home, '.local/share/opencode'), { recursive: true });
    execFileSync('mkfifo', [authPath()]);
    const started = Date.now();
    const r = await opencodeSource(env, nodeFiles).find();
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(r.credentials).toEqual([]);
    expect(r.problems[0]?.message).toMatch(/not a regular file; skipped/);
  });

  it('reports a symlink to /dev/zero as skipped instead of reading it until memory runs out', async () => {
    mkdirSync(join(home, '.local/share/opencode'), { recursive: true });
    symlinkSync('/dev/zero', authPath());
    const r = await opencodeSource(env, nodeFiles).find();
    expect(r.problems[0]?.message).toMatch(/not a regular file; skipped/);
  });

  it('skips a file larger than the cap, and still reads one just under it', async () => {
    mkdirSync(join(home, '.local/share/opencode'), { recursive: true });
    const entry = {
      'github-copilot': { type: 'oauth', refresh: FAKE_OAUTH, access: FAKE_OAUTH, expires: 0 },
    };
    const padded = (size: number) => {
      const text = JSON.stringify({ ...entry, pad: '' });
      return JSON.stringify({ ...entry, pad: 'x'.repeat(size - text.length) });
    };
    writeFileSync(authPath(), padded(MAX_CREDENTIAL_FILE_BYTES + 1));
    const big = await opencodeSource(env, nodeFiles).find();
    expect(big.credentials).toEqual([]);
    expect(big.problems[0]?.message).toMatch(/larger than 256 KB; skipped/);
    writeFileSync(authPath(), padded(MAX_CREDENTIAL_FILE_BYTES));
    const ok = await opencodeSource(env, nodeFiles).find();
    expect(ok.credentials.map((c) => c.token)).toEqual([FAKE_OAUTH]);
  });

  it('refuses a token with characters no token has (a zero-width space, an emoji, a control character)', async () => {
    mkdirSync(join(home, '.local/share/opencode'), { recursive: true });
    for (const token of [`${FAKE_OAUTH}\u200b`, `${FAKE_OAUTH}😀`, `${FAKE_OAUTH}\u0001`]) {
      writeFileSync(authPath(), JSON.stringify({ 'github-copilot': { refresh: token, access: token } }));
      const r = await opencodeSource(env, nodeFiles).find();
      expect(r.credentials).toEqual([]);
    }
  });
});

describe('a hostile hosts.yml (item 14)', () => {
  it('parses a 40 KB line of blanks in linear time', () => {
    const text = `github.com:\n    user: octocat\n${' '.repeat(40_000)}x\n    oauth_token: ${FAKE_OAUTH}\n`;
    const started = performance.now();
    expect(() => parseSimpleYaml(text)).toThrow(/line 3/);
    const comment = `github.com:\n    oauth_token: ${FAKE_OAUTH}${' '.repeat(40_000)}#\n${' '.repeat(40_000)}\n`;
    expect((parseSimpleYaml(comment)['github.com'] as Record<string, string>).oauth_token).toBe(FAKE_OAUTH);
    expect(performance.now() - started).toBeLessThan(200);
  });

  it('never lets a __proto__ key lend a host a token it does not have', async () => {
    const yaml = [
      '__proto__:',
      `    oauth_token: ${FAKE_OAUTH}`,
      '    user: mallory',
      'github.com:',
      '    user: octocat',
      '    git_protocol: https',
      '',
    ].join('\n');
    const doc = parseSimpleYaml(yaml);
    expect(Object.getPrototypeOf(doc)).toBeNull();
    expect((doc['github.com'] as Record<string, unknown>).oauth_token).toBeUndefined();
    mkdirSync(join(home, '.config/gh'), { recursive: true });
    writeFileSync(join(home, '.config/gh/hosts.yml'), yaml);
    const r = await ghCliSource(env, nodeFiles).find();
    expect(r.credentials).toEqual([]);
  });

  it('still reads what gh writes: comments, quotes, the users: nesting', () => {
    const doc = parseSimpleYaml(
      [
        '# written by gh',
        'github.com:',
        '    git_protocol: https # a comment',
        `    oauth_token: "${FAKE_OAUTH}"`,
        "    user: 'octo#cat'",
        '    users:',
        '        octocat:',
        `            oauth_token: ${FAKE_OAUTH}`,
        '"ghe.example:8443":',
        '    user: a: b',
      ].join('\n'),
    );
    const gh = doc['github.com'] as Record<string, unknown>;
    expect(gh).toMatchObject({ git_protocol: 'https', oauth_token: FAKE_OAUTH, user: 'octo#cat' });
    expect((gh.users as Record<string, Record<string, string>>).octocat!.oauth_token).toBe(FAKE_OAUTH);
    expect(doc['ghe.example:8443']).toMatchObject({ user: 'a: b' });
  });
});
