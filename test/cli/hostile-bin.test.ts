/**
 * Issue 12 through the installed bin: a hostile server on loopback (the fake GitHub serving `hostile` faults and
 * shapes), odd files and bad tokens, run as a user runs the CLI. Every case here misbehaved before the fix.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXIT } from '../../main/cli/exit-codes';
import { MAX_MODEL_LINES, renderText, renderWaybar } from '../../main/cli/render';
import { openSettings } from '../../main/settings/store';
import type { UsageSnapshot } from '../../shared/domain';
import { createTranslator } from '../../shared/i18n';
import { billingWithModels, hostile } from '../fake-github/faults';
import { FAKE_LOGIN, FAKE_OAUTH, FAKE_PAT, scenarios } from '../fake-github/scenarios';
import { startFakeGitHub, type FakeGitHub, type FakeToken } from '../fake-github/server';
import { describeWithSecretService, secretToolSearch } from '../helpers/secret-service';
import { snapshotAt } from '../core/scheduler-fixtures';
import { runBin, type BinRun } from '../helpers/run-bin';

let home: string;
let fake: FakeGitHub | undefined;

function run(
  args: string[],
  env: Record<string, string> = {},
  stdin?: string,
  timeout = 20_000,
): Promise<BinRun> {
  return runBin(home, args, env, {
    timeoutMs: timeout,
    maxBuffer: 64 * 1024 * 1024,
    ...(stdin === undefined ? {} : { stdin }),
  });
}

const path = (rel: string) => {
  const p = join(home, rel);
  mkdirSync(dirname(p), { recursive: true });
  return p;
};
const ESC = '\u001b';
const everything = (r: BinRun) => r.stdout + r.stderr;

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'cm-hostile-bin-'));
});
afterEach(async () => {
  await fake?.close();
  fake = undefined;
  rmSync(home, { recursive: true, force: true });
});

describe('files that would hang or swallow the CLI (item 1)', () => {
  it('a FIFO as auth.json and as settings.json: the run ends, reads its token and notes the skipped file', async () => {
    fake = await startFakeGitHub(scenarios.patCreditsPro);
    execFileSync('mkfifo', [path('.local/share/opencode/auth.json')]);
    execFileSync('mkfifo', [path('settings/settings.json')]);
    const r = await run(['status', '--api-url', fake.url, '--plan', 'pro'], {
      COPILOT_METER_TOKEN: FAKE_PAT,
    });
    expect(r.code).toBe(EXIT.ok);
    expect(r.ms).toBeLessThan(10_000);
    expect(r.stdout).toMatch(/auth\.json: is not a regular file; skipped/);
    expect(r.stderr).toMatch(/settings\.json is not a regular file/);
  });

  it('a symlink to /dev/zero as hosts.yml is skipped, not read', async () => {
    fake = await startFakeGitHub(scenarios.patCreditsPro);
    execFileSync('ln', ['-s', '/dev/zero', path('.config/gh/hosts.yml')]);
    const r = await run(['status', '--api-url', fake.url, '--plan', 'pro'], {
      COPILOT_METER_TOKEN: FAKE_PAT,
    });
    expect(r.code).toBe(EXIT.ok);
    expect(r.stdout).toMatch(/hosts\.yml: is not a regular file; skipped/);
  });
});

describe('waits and sizes a server or a user may ask for (items 2, 3, 10)', () => {
  it('refuses --watch longer than a day instead of refreshing in a tight loop', async () => {
    const r = await run(['status', '--watch', '3000000']);
    expect(r.code).toBe(EXIT.usage);
    expect(r.stderr).toMatch(/at most 86400 \(a day\)/);
  });

  it('a gzip bomb is refused with its own message and exit code, and asked once', async () => {
    fake = await startFakeGitHub(scenarios.patCreditsPro);
    fake.addFault(hostile.gzipBomb('/user', 256 * 1024 * 1024));
    const r = await run(['status', '--api-url', fake.url], { COPILOT_METER_TOKEN: FAKE_PAT });
    expect(r.code).toBe(EXIT.tooLarge);
    expect(r.stderr).toMatch(/larger than 5 MB/);
    expect(r.stderr).not.toMatch(/Cannot reach GitHub/);
    expect(fake.requestsTo('/user')).toHaveLength(1);
  });

  it('Retry-After: 1e23 is a rate limit (exit 5) whose retry shows its date', async () => {
    fake = await startFakeGitHub(scenarios.patCreditsPro);
    fake.addFault(hostile.absurdRateLimit('/user', { retryAfter: '1e23' }));
    const r = await run(['status', '--api-url', fake.url], { COPILOT_METER_TOKEN: FAKE_PAT });
    expect(r.code).toBe(EXIT.rateLimited);
    const tomorrow = new Date(Date.now() + 24 * 3_600_000).toLocaleDateString('en-US', { timeZone: 'UTC' });
    expect(r.stderr).toContain(`try again on ${tomorrow}`);
  });
});

describe('tokens that cannot be tokens (item 8)', () => {
  it.each([
    ['a zero-width space', `${FAKE_PAT}\u200b`, /characters a GitHub token never has/],
    ['an emoji', `${FAKE_PAT}😀`, /characters a GitHub token never has/],
    ['a control character', `${FAKE_PAT}\u0001`, /characters a GitHub token never has/],
    ['10 MB of text', 'x'.repeat(10 * 1024 * 1024), /far longer than a GitHub token/],
  ])('COPILOT_METER_TOKEN with %s: exit 2, its own message, nothing sent', async (_name, token, message) => {
    fake = await startFakeGitHub(scenarios.patCreditsPro);
    const viaStdin = token.length > 100_000;
    const r = viaStdin
      ? await run(['status', '--token-stdin', '--api-url', fake.url], {}, token)
      : await run(['status', '--api-url', fake.url], { COPILOT_METER_TOKEN: token });
    expect(r.code).toBe(EXIT.usage);
    expect(r.stderr).toMatch(message);
    expect(fake.requests).toHaveLength(0);
  });

  it('auth set refuses such a token before any request', async () => {
    fake = await startFakeGitHub(scenarios.patCreditsPro);
    const r = await run(['auth', 'set', '--api-url', fake.url], {}, `${FAKE_PAT}\u200b`);
    expect(r.code).toBe(EXIT.usage);
    expect(r.stderr).toMatch(/characters a GitHub token never has/);
    expect(fake.requests).toHaveLength(0);
  });
});

describe('what reaches a terminal or a status bar (items 5, 7, 9, 11)', () => {
  const models = [
    `evil${ESC}[2J${ESC}]0;pwned\u0007`,
    'two\nAccount: GitHub Copilot (@admin)',
    '<span color="red">x</span> & co',
    '\u202egpj.exe',
  ];

  it('strips escapes, forged lines and bidi overrides from model names in text, and escapes waybar markup', async () => {
    fake = await startFakeGitHub({
      ...scenarios.patCreditsPro,
      billing: { [FAKE_LOGIN]: { aiCredits: billingWithModels(models) } },
    });
    const env = { COPILOT_METER_TOKEN: FAKE_PAT };
    const text = await run(['status', '--api-url', fake.url, '--plan', 'pro'], env);
    expect(text.code).toBe(EXIT.ok);
    expect(everything(text)).not.toContain(ESC);
    expect(everything(text)).not.toContain('\u0007');
    expect(everything(text)).not.toContain('\u202e');
    expect(text.stdout.split('\n').filter((l) => l.startsWith('Account:'))).toHaveLength(1);
    const bar = await run(['status', '--format', 'waybar', '--api-url', fake.url, '--plan', 'pro'], env);
    expect(bar.code).toBe(EXIT.ok);
    expect(bar.stdout).not.toContain(ESC);
    const doc = JSON.parse(bar.stdout) as { tooltip: string };
    expect(doc.tooltip).toContain('&lt;span color="red"&gt;x&lt;/span&gt; &amp; co');
    expect(doc.tooltip).not.toMatch(/<span/);
    const json = await run(['status', '--json', '--api-url', fake.url, '--plan', 'pro'], env);
    // --json keeps the data, with C1 controls and bidi overrides escaped so a terminal shows them as text.
    expect(json.stdout).not.toContain('\u202e');
    expect((JSON.parse(json.stdout) as UsageSnapshot).models.map((m) => m.model)).toContain('\u202egpj.exe');
  });

  it('a login outside GitHub’s grammar is an unrecognised answer, never a line on screen or a keychain account', async () => {
    fake = await startFakeGitHub(scenarios.patCreditsPro);
    fake.addFault(hostile.login(`octocat\n${ESC}]52;c;ZXZpbA==\u0007`));
    const r = await run(['status', '--api-url', fake.url], { COPILOT_METER_TOKEN: FAKE_PAT });
    expect(r.code).toBe(EXIT.badResponse);
    expect(everything(r)).not.toContain(ESC);
    const set = await run(['auth', 'set', '--api-url', fake.url], {}, FAKE_PAT);
    expect(set.code).toBe(EXIT.badResponse);
    expect(everything(set)).not.toContain(ESC);
  });

  it('a server echoing the token as a model name does not get it printed', async () => {
    fake = await startFakeGitHub({
      ...scenarios.patCreditsPro,
      billing: { [FAKE_LOGIN]: { aiCredits: billingWithModels([FAKE_PAT, `x ${FAKE_OAUTH}`]) } },
    });
    for (const format of ['text', 'json', 'waybar', 'oneline']) {
      const r = await run(['status', '--format', format, '--api-url', fake.url, '--plan', 'pro'], {
        COPILOT_METER_TOKEN: FAKE_PAT,
      });
      expect(r.code).toBe(EXIT.ok);
      expect(everything(r)).not.toContain(FAKE_PAT);
      expect(everything(r)).not.toContain(FAKE_OAUTH);
    }
  });

  it('usageItems as an object beside a 404 exits 7 (unrecognised), not 4 (not offered)', async () => {
    fake = await startFakeGitHub({
      ...scenarios.patCreditsPro,
      billing: {
        [FAKE_LOGIN]: {
          aiCredits: { usageItems: { product: 'Copilot' } },
          premium: { status: 404, body: { message: 'Not Found' } },
        },
      },
    });
    const r = await run(['status', '--api-url', fake.url], { COPILOT_METER_TOKEN: FAKE_PAT });
    expect(r.code).toBe(EXIT.badResponse);
    expect(r.stderr).toMatch(/does not recognise \(missing: usageItems\)/);
  });

  it('125,000 models: text lists the first ones and says how many more; waybar still prints', () => {
    const tr = createTranslator('en');
    const snapshot: UsageSnapshot = {
      ...snapshotAt(Date.UTC(2026, 10, 29), 30),
      account: { login: 'octocat', host: 'github.com' },
      plan: 'pro',
      unit: 'credits',
      used: 125_000,
      allowance: 1500,
      unlimited: false,
      remaining: -123_500,
      percentUsed: 8333.33,
      overage: 123_500,
      models: Array.from({ length: 125_000 }, (_, i) => ({ model: `model-${i}`, used: 1 })),
      period: '2026-11',
      resetAt: '2026-12-01T00:00:00.000Z',
      source: { strategy: 'pat-billing', credential: 'env' },
      fetchedAt: '2026-11-29T12:00:00.000Z',
      attempts: [],
    };
    const text = renderText(snapshot, tr);
    expect(text.split('\n').filter((l) => /^ {2}model-/.test(l))).toHaveLength(MAX_MODEL_LINES);
    expect(text).toContain(`and ${tr.num(125_000 - MAX_MODEL_LINES)} more`);
    const bar = JSON.parse(renderWaybar({ ok: true, snapshot, attempts: [] }, tr, [75, 90, 100])) as {
      text: string;
    };
    expect(bar.text).toBe('8333%');
  });
});

describeWithSecretService('parallel auth set (item 15)', (ss) => {
  it('20 runs at once all keep their account, and no token is left in the keychain without one', async () => {
    const n = 20;
    const pats = Array.from(
      { length: n },
      (_, i) => `github_pat_FAKE${String(i).padStart(4, '0')}_parallelFakeTokenForTestsOnly`,
    );
    const tokens: Record<string, FakeToken> = {};
    const billing: Record<string, { aiCredits: unknown }> = {};
    pats.forEach((t, i) => {
      tokens[t] = { login: `user${i}`, kind: 'pat', permissions: ['plan'] };
      billing[`user${i}`] = { aiCredits: billingWithModels(['gpt-5'], 1) };
    });
    fake = await startFakeGitHub({ tokens, billing });
    const keychainEnv = {
      DBUS_SESSION_BUS_ADDRESS: ss().env.DBUS_SESSION_BUS_ADDRESS!,
      ...(ss().env.XDG_RUNTIME_DIR ? { XDG_RUNTIME_DIR: ss().env.XDG_RUNTIME_DIR } : {}),
    };
    const runs = await Promise.all(
      pats.map((t) => run(['auth', 'set', '--api-url', fake!.url, '--plan', 'pro'], keychainEnv, t, 100_000)),
    );
    expect(runs.map((r) => (r.code === EXIT.ok ? r.code : `${r.code} ${r.stderr}`))).toEqual(
      pats.map(() => EXIT.ok),
    );
    const settings = openSettings({
      env: { vars: { COPILOT_METER_CONFIG_DIR: join(home, 'settings') }, platform: 'linux', homedir: home },
    }).get();
    const logins = settings.accounts.map((a) => a.login).sort();
    expect(logins).toEqual(pats.map((_, i) => `user${i}`).sort());
    const stored = secretToolSearch(ss().env) ?? '';
    const host = new URL(fake.url).host;
    for (const login of logins) expect(stored).toContain(`attribute.account = ${host}/${login}\n`);
  }, 120_000);
});
