/**
 * The real `copilot-meter` bin (bin/copilot-meter.mjs → dist/cli.mjs, built by `npm test`), spawned as a user
 * would run it, against the fake GitHub on loopback, with a private HOME and settings folder.
 */
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXIT } from '../../main/cli/exit-codes';
import { DOCUMENTED_JSON_KEYS } from '../helpers/json-contract';
import { startFakeGitHub, type FakeGitHub } from '../fake-github/server';
import {
  FAKE_OAUTH,
  FAKE_PAT,
  FAKE_PAT_EXPIRED,
  FAKE_PAT_NO_PLAN,
  FAKE_UNKNOWN,
  scenarios,
} from '../fake-github/scenarios';
import { internalOverQuota, internalTokenBilledBusiness } from '../fake-github/fixtures';
import { runBin, type BinRun } from '../helpers/run-bin';

let home: string;
let fake: FakeGitHub | undefined;

function run(args: string[], env: Record<string, string> = {}, stdin?: string): Promise<BinRun> {
  return runBin(home, args, env, stdin === undefined ? {} : { stdin });
}

function write(rel: string, content: string): string {
  const p = join(home, rel);
  mkdirSync(dirname(p), { recursive: true });
  writeFileSync(p, content);
  return p;
}

const noToken = (r: BinRun, ...tokens: string[]) => {
  for (const t of tokens) {
    expect(r.stdout).not.toContain(t);
    expect(r.stderr).not.toContain(t);
  }
};

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'cm-bin-'));
});
afterEach(async () => {
  await fake?.close();
  fake = undefined;
  rmSync(home, { recursive: true, force: true });
});

describe('copilot-meter status (the installed bin)', () => {
  it("prints the seed's text layout for a PAT in COPILOT_METER_TOKEN", async () => {
    fake = await startFakeGitHub(scenarios.patPremiumPro);
    const r = await run(['status', '--api-url', fake.url, '--plan', 'pro'], {
      COPILOT_METER_TOKEN: FAKE_PAT,
    });
    expect(r.code).toBe(EXIT.ok);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('## GitHub Copilot Account Quota');
    expect(lines[1]).toBe('Account: GitHub Copilot (@octocat) · Copilot Pro');
    expect(lines[2]).toBe('Premium requests');
    expect(lines[3]).toBe('██████████████░░░░░░ 70% left · 90 / 300 used');
    // Then the pace (and, after the 1st, the forecast), from the daily history the run just recorded.
    expect(lines[4]).toMatch(/^\d+(\.\d)? % in (reserve|deficit) · up to [\d.,]+ a day$/);
    expect(lines.find((l) => l.startsWith('Period:'))).toMatch(/^Period: \d{4}-\d{2} · resets /);
    noToken(r, FAKE_PAT);
  });

  it('reads an OpenCode sign-in and prints the documented --json keys', async () => {
    fake = await startFakeGitHub(scenarios.opencodeOAuth);
    write(
      '.local/share/opencode/auth.json',
      JSON.stringify({
        'github-copilot': { type: 'oauth', refresh: FAKE_OAUTH, access: FAKE_OAUTH, expires: 0 },
      }),
    );
    const r = await run(['status', '--json', '--api-url', fake.url]);
    expect(r.code).toBe(EXIT.ok);
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc)).toEqual([...DOCUMENTED_JSON_KEYS]);
    expect(doc).toMatchObject({
      account: { login: 'octocat' },
      plan: 'pro',
      unit: 'requests',
      unlimited: false,
      source: { strategy: 'oauth-direct', credential: 'opencode' },
    });
    expect(doc.used + doc.remaining).toBeCloseTo(doc.allowance, 5);
    expect(doc.percentUsed).toBeCloseTo((doc.used / doc.allowance) * 100, 1);
    noToken(r, FAKE_OAUTH);
  });

  it('reports over-quota usage above 100 % and a token-billed seat in credits', async () => {
    fake = await startFakeGitHub({
      ...scenarios.opencodeOAuth,
      internalUser: { [FAKE_OAUTH]: internalOverQuota },
    });
    const env = { COPILOT_METER_TOKEN: FAKE_OAUTH };
    const over = JSON.parse((await run(['--json', '--api-url', fake.url], env)).stdout);
    expect(over.percentUsed).toBeGreaterThan(100);
    expect(over.overage).toBeGreaterThan(0);
    expect(over.remaining).toBeLessThan(0);
    fake.set({ internalUser: { [FAKE_OAUTH]: internalTokenBilledBusiness } });
    const seat = JSON.parse((await run(['--json', '--api-url', fake.url], env)).stdout);
    expect(seat.unit).toBe('credits');
    expect(seat.used).toBeGreaterThan(0);
  });

  it('accepts a token on stdin with --token-stdin', async () => {
    fake = await startFakeGitHub(scenarios.patCreditsPro);
    const r = await run(
      ['--format', 'oneline', '--api-url', fake.url, '--token-stdin', '--plan', 'pro'],
      {},
      `${FAKE_PAT}\n`,
    );
    expect(r.code).toBe(EXIT.ok);
    expect(r.stdout.trim()).toBe('Copilot 72% used (1,087.75/1,500 AI credits)');
  });

  it.each([
    ['an expired token', 'patExpired', FAKE_PAT_EXPIRED, EXIT.auth, /expired/],
    ['a token without Plan: read', 'patNoPlanPermission', FAKE_PAT_NO_PLAN, EXIT.auth, /Plan.*Read-only/],
    ['an unknown token', 'patCreditsPro', FAKE_UNKNOWN, EXIT.auth, /rejected the token/],
    [
      'a seat billed to an organization',
      'orgBilledSeat',
      FAKE_PAT,
      EXIT.notFound,
      /billed to an organization/,
    ],
  ] as const)(
    'exits with the documented code and says what to do for %s',
    async (_name, scenario, token, code, message) => {
      fake = await startFakeGitHub(scenarios[scenario]);
      const r = await run(['status', '--api-url', fake.url], { COPILOT_METER_TOKEN: token });
      expect(r.code).toBe(code);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).toContain('What was tried:');
      noToken(r, token);
    },
  );

  it('exits 5 when rate-limited, 6 when GitHub is unreachable and 7 on a malformed answer', async () => {
    fake = await startFakeGitHub(scenarios.patCreditsPro);
    const env = { COPILOT_METER_TOKEN: FAKE_PAT };
    fake.addFault({
      path: '/user',
      status: 429,
      headers: { 'retry-after': '3600' },
      body: { message: 'slow down' },
    });
    expect((await run(['--api-url', fake.url], env)).code).toBe(EXIT.rateLimited);
    fake.reset();
    fake.addFault({ path: '/user', status: 200, body: '{"login": "octo' });
    const bad = await run(['--json', '--api-url', fake.url], env);
    expect(bad.code).toBe(EXIT.badResponse);
    expect(JSON.parse(bad.stdout).error.kind).toBe('responseShape');
    const url = fake.url;
    await fake.close();
    fake = undefined;
    const down = await run(['--api-url', url], env);
    expect(down.code).toBe(EXIT.network);
    expect(down.stderr).toContain(`Cannot reach ${new URL(url).host}: the connection was refused`);
  });

  it('keeps a corrupted auth.json untouched, explains it, and exits 2 when nothing else is found', async () => {
    fake = await startFakeGitHub(scenarios.opencodeOAuth);
    const p = write('.local/share/opencode/auth.json', '{"github-copilot": {"refresh": "gho_FAKE');
    const before = readFileSync(p);
    const r = await run(['status', '--api-url', fake.url]);
    expect(r.code).toBe(EXIT.usage);
    expect(r.stderr).toContain('No GitHub token found');
    expect(r.stderr).toContain('auth.json');
    expect(readFileSync(p)).toEqual(before);
    expect(fake.requests).toHaveLength(0);
  });

  it('refuses plain http to a non-loopback host before sending anything', async () => {
    const r = await run(['--api-url', 'http://example.com'], { COPILOT_METER_TOKEN: FAKE_PAT });
    expect(r.code).toBe(EXIT.usage);
    expect(r.stderr).toContain('plain http');
    noToken(r, FAKE_PAT);
    // Machine formats still get a document on stdout.
    const json = await run(['--json', '--api-url', 'http://example.com'], { COPILOT_METER_TOKEN: FAKE_PAT });
    expect(json.code).toBe(EXIT.usage);
    expect(JSON.parse(json.stdout).error).toMatchObject({ kind: 'config', reason: 'insecureUrl' });
    const bar = await run(['--format', 'waybar', '--api-url', 'http://example.com']);
    expect(JSON.parse(bar.stdout)).toMatchObject({ text: '!', class: 'error' });
  });

  it('explains a bad command line in the user’s language, without a doubled full stop', async () => {
    const zh = await run(['--user', 'bad user'], { LANG: 'zh_CN.UTF-8' });
    expect(zh.code).toBe(EXIT.usage);
    expect(zh.stderr).toContain('--user 不是有效的 GitHub 用户名');
    const en = await run(['status', FAKE_PAT]);
    expect(en.stderr).not.toContain('..');
    expect(en.stderr).toContain('consider revoking that token. Try `copilot-meter --help`.');
  });

  it('refuses a token passed as an argument and prints the help in French', async () => {
    const r = await run(['status', FAKE_PAT]);
    expect(r.code).toBe(EXIT.usage);
    noToken(r, FAKE_PAT);
    const help = await run(['--help', '--lang', 'fr']);
    expect(help.code).toBe(EXIT.ok);
    expect(help.stdout).toContain('Codes de sortie');
  });
});
