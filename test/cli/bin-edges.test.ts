/**
 * The CLI's rough edges, each proved on the real bin (bin/copilot-meter.mjs → dist/cli.mjs, built by `npm test`)
 * against the fake GitHub on loopback, with a private HOME and settings folder and no Secret Service.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXIT } from '../../main/cli/exit-codes';
import { CREDENTIAL_SOURCE_IDS } from '../../shared/domain';
import { startFakeGitHub, type FakeGitHub } from '../fake-github/server';
import { FAKE_PAT, scenarios } from '../fake-github/scenarios';
import { BIN, runBin, type BinRun } from '../helpers/run-bin';

const ROOT = join(__dirname, '../..');
let home: string;
let fake: FakeGitHub | undefined;

function run(args: string[], env: Record<string, string> = {}, stdin?: string): Promise<BinRun> {
  return runBin(home, args, env, { timeoutMs: 30_000, ...(stdin === undefined ? {} : { stdin }) });
}

const settingsFile = () => join(home, 'settings', 'settings.json');
const settingsJson = () => JSON.parse(readFileSync(settingsFile(), 'utf8')) as Record<string, unknown>;
const withToken = { COPILOT_METER_TOKEN: FAKE_PAT };
const noToken = (r: BinRun) => {
  expect(r.stdout).not.toContain(FAKE_PAT);
  expect(r.stderr).not.toContain(FAKE_PAT);
};

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'cm-edges-'));
});
afterEach(async () => {
  await fake?.close();
  fake = undefined;
  rmSync(home, { recursive: true, force: true });
});

describe('--version', () => {
  it('prints the version package.json declares', async () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    for (const args of [['--version'], ['-v'], ['version']]) {
      const r = await run(args);
      expect(r.code).toBe(EXIT.ok);
      expect(r.stdout.trim()).toBe(version);
    }
    expect(version).not.toBe('0.0.0-dev');
  });
});

describe('--token-stdin', () => {
  it('names stdin as the credential, in --json and on the Source line, not COPILOT_METER_TOKEN', async () => {
    fake = await startFakeGitHub(scenarios.patCreditsPro);
    const json = await run(['--json', '--api-url', fake.url, '--token-stdin', '--plan', 'pro'], {}, FAKE_PAT);
    expect(json.code).toBe(EXIT.ok);
    const doc = JSON.parse(json.stdout);
    expect(doc.source).toEqual({ strategy: 'pat-billing', credential: 'stdin' });
    expect(doc.attempts.every((a: { credential: string }) => a.credential === 'stdin')).toBe(true);
    const text = await run(['--api-url', fake.url, '--token-stdin', '--plan', 'pro'], {}, FAKE_PAT);
    expect(text.stdout).toContain(
      'Source: fine-grained token → billing API (standard input (--token-stdin))',
    );
    expect(text.stdout).not.toContain('COPILOT_METER_TOKEN');
    noToken(text);
  });

  it('is a credential source of its own, in the README’s --json table too', () => {
    expect(CREDENTIAL_SOURCE_IDS).toContain('stdin');
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const row = readme.split('\n').find((l) => l.startsWith('| `source` |')) ?? '';
    for (const id of CREDENTIAL_SOURCE_IDS) expect(row).toContain(`\`${id}\``);
  });

  it('still names COPILOT_METER_TOKEN when the token came from it', async () => {
    fake = await startFakeGitHub(scenarios.patCreditsPro);
    const doc = JSON.parse((await run(['--json', '--api-url', fake.url], withToken)).stdout);
    expect(doc.source.credential).toBe('env');
  });
});

describe('copilot-meter config', () => {
  it('saves the plan without the token, and status then uses it', async () => {
    fake = await startFakeGitHub(scenarios.patCreditsPro);
    const set = await run(['config', 'set', 'plan', 'Pro+']);
    expect(set.code).toBe(EXIT.ok);
    expect(set.stdout.trim()).toBe('plan = pro+');
    expect(settingsJson().plan).toBe('pro+');
    const get = await run(['config', 'get', 'plan']);
    expect(get.stdout.trim()).toBe('pro+');
    const status = JSON.parse((await run(['--json', '--api-url', fake.url], withToken)).stdout);
    expect(status).toMatchObject({ plan: 'pro+', allowance: 7000 });
  });

  it(
    'sets, shows and unsets every user setting, validated by the settings schema',
    { timeout: 60_000 },
    async () => {
      const expected: Record<string, unknown> = {};
      for (const [key, value, saved] of [
        ['allowance', '2500', 2500],
        ['lang', 'fr', 'fr'],
        ['interval', '15', 15],
        ['thresholds', '50,80,100', [50, 80, 100]],
        ['notify.reset', 'off', false],
        ['notify.forecast', 'off', false],
        ['launch-at-login', 'on', true],
      ] as const) {
        const r = await run(['config', 'set', key, value]);
        expect(r.code, `${key} ${r.stderr}`).toBe(EXIT.ok);
        expected[key] = saved;
      }
      const got = JSON.parse((await run(['config', 'get', '--json'])).stdout);
      expect(got).toMatchObject(expected);
      const s = settingsJson();
      expect(s).toMatchObject({
        allowanceOverride: 2500,
        language: 'fr',
        refreshMinutes: 15,
        thresholds: [50, 80, 100],
        notifications: { thresholds: true, accessBroken: true, periodReset: false, forecast: false },
        launchAtLogin: true,
      });
      const all = await run(['config', 'get', '--lang', 'en']);
      expect(all.stdout).toContain('allowance = 2500');
      expect(all.stdout).toContain('plan = (not set)');
      expect((await run(['config', 'unset', 'allowance'])).code).toBe(EXIT.ok);
      expect(settingsJson().allowanceOverride).toBeNull();
      expect((await run(['config', 'unset', 'interval'])).code).toBe(EXIT.ok);
      expect(settingsJson().refreshMinutes).toBe(5);
    },
  );

  it(
    'refuses a bad value with a clear reason and leaves the file as it was',
    { timeout: 60_000 },
    async () => {
      await run(['config', 'set', 'interval', '10']);
      const before = readFileSync(settingsFile(), 'utf8');
      for (const [key, value, why] of [
        ['plan', 'platinum', 'plan must be one of free, pro, pro+, max, business, enterprise'],
        ['interval', '0', 'interval must be whole minutes from 1 to 1440'],
        ['interval', '2000', 'interval must be whole minutes from 1 to 1440'],
        ['interval', '2.5', 'interval must be whole minutes from 1 to 1440'],
        ['allowance', '0', 'allowance must be a positive number'],
        ['allowance', 'lots', 'allowance must be a positive number'],
        ['thresholds', '75,abc', 'thresholds must be percentages from 1 to 1000'],
        ['thresholds', '0,2000', 'thresholds must be percentages from 1 to 1000'],
        ['lang', 'de', 'lang must be one of en, zh, fr'],
        ['notify.access', 'maybe', 'notify.access must be on or off'],
      ] as const) {
        const r = await run(['config', 'set', key, value]);
        expect(r.code, `${key}=${value}`).toBe(EXIT.usage);
        expect(r.stderr).toContain(why);
      }
      const insecure = await run(['config', 'set', 'api-url', 'http://example.com']);
      expect(insecure.code).toBe(EXIT.usage);
      expect(insecure.stderr).toContain('plain http');
      const verb = await run(['config', 'frob']);
      expect(verb.code).toBe(EXIT.usage);
      expect(verb.stderr).toMatch(/unknown config command "frob"\nUsage: copilot-meter config get/);
      const unknown = await run(['config', 'set', 'colour', 'blue']);
      expect(unknown.code).toBe(EXIT.usage);
      expect(unknown.stderr).toContain('unknown setting "colour"; the settings are: plan, allowance');
      expect(readFileSync(settingsFile(), 'utf8')).toBe(before);
    },
  );

  it('chooses which saved account is shown, among the saved ones only', async () => {
    const account = (login: string) => ({
      login,
      host: 'github.com',
      tokenHint: '1234',
      tokenExpiresAt: null,
      lastCheckedAt: null,
    });
    mkdirSync(join(home, 'settings'), { recursive: true });
    writeFileSync(
      settingsFile(),
      JSON.stringify({ version: 1, accounts: [account('octocat'), account('Hubot')], activeAccount: null }),
    );
    const set = await run(['config', 'set', 'account', 'hubot']);
    expect(set.code).toBe(EXIT.ok);
    expect(set.stdout.trim()).toBe('account = github.com/Hubot');
    expect(settingsJson().activeAccount).toBe('github.com/Hubot');
    const nobody = await run(['config', 'set', 'account', 'nobody']);
    expect(nobody.code).toBe(EXIT.usage);
    expect(nobody.stderr).toContain('account must be a saved account');
    expect(settingsJson().activeAccount).toBe('github.com/Hubot');
  });

  it('every command the status output suggests works as printed', async () => {
    fake = await startFakeGitHub(scenarios.patCreditsPro);
    const r = await run(['--api-url', fake.url], withToken);
    const hint = /`(copilot-meter config set plan PLAN)`/.exec(r.stdout)?.[1];
    expect(hint, r.stdout).toBeDefined();
    const args = hint!.replace('PLAN', 'pro').split(' ').slice(1);
    expect((await run(args)).code).toBe(EXIT.ok);
    const after = await run(['--api-url', fake.url], withToken);
    expect(after.stdout).toContain('1,087.75 / 1,500 used');
    expect(r.stdout).not.toContain('auth set --plan');
  });

  it('says Copilot Free has no AI-credits allowance instead of "choose your plan"', async () => {
    fake = await startFakeGitHub(scenarios.patCreditsPro);
    const r = await run(['--api-url', fake.url, '--plan', 'free'], withToken);
    expect(r.code).toBe(EXIT.ok);
    expect(r.stdout).toContain('Copilot Free has no monthly AI credits allowance');
    expect(r.stdout).toContain('`copilot-meter config set allowance N`');
    expect(r.stdout).not.toContain('choose your plan');
  });
});

describe('--api-url mistakes name the address and the cause', () => {
  let plain: Server | undefined;
  afterEach(async () => {
    await new Promise<void>((resolve) => (plain ? plain.close(() => resolve()) : resolve()));
    plain = undefined;
  });

  it('a name that does not exist', async () => {
    const r = await run(['--api-url', 'foo.invalid'], withToken);
    expect(r.code).toBe(EXIT.network);
    expect(r.stderr).toContain('Cannot reach foo.invalid: the name foo.invalid was not found');
    expect(r.stderr).not.toContain('Cannot reach GitHub');
    noToken(r);
  });

  it('an address without a scheme that speaks plain http (https was tried), and https to an http server', async () => {
    fake = await startFakeGitHub(scenarios.patCreditsPro);
    const hostPort = new URL(fake.url).host;
    for (const url of [hostPort, `https://${hostPort}`]) {
      const r = await run(['--api-url', url], withToken);
      expect(r.code).toBe(EXIT.network);
      expect(r.stderr).toContain(`Cannot reach ${hostPort}: the secure (https) connection failed`);
      expect(r.stderr).toContain('http://');
      noToken(r);
    }
    expect(fake.requests).toHaveLength(0);
  });

  it('a port where nothing listens, also in --json', async () => {
    plain = createServer();
    await new Promise<void>((resolve) => plain!.listen(0, '127.0.0.1', resolve));
    const port = (plain.address() as { port: number }).port;
    await new Promise<void>((resolve) => plain!.close(() => resolve()));
    plain = undefined;
    const r = await run(['--json', '--api-url', `http://127.0.0.1:${port}`], withToken);
    expect(r.code).toBe(EXIT.network);
    const doc = JSON.parse(r.stdout);
    expect(doc.error).toMatchObject({
      kind: 'network',
      detail: 'ECONNREFUSED',
      address: `127.0.0.1:${port}`,
    });
    expect(doc.error.message).toBe(
      `Cannot reach 127.0.0.1:${port}: the connection was refused (nothing answers on that port).`,
    );
    noToken(r);
  });
});

describe('option errors and auth remove in scripts', () => {
  it('says what is wrong with an option in the app’s words, translated', { timeout: 60_000 }, async () => {
    const unknown = await run(['--plna', 'pro']);
    expect(unknown.code).toBe(EXIT.usage);
    expect(unknown.stderr.trim()).toBe('copilot-meter: unknown option --plna. Try `copilot-meter --help`.');
    const missing = await run(['--api-url']);
    expect(missing.stderr).toContain('--api-url needs a value');
    const dash = await run(['--watch', '-5']);
    expect(dash.stderr).toContain('--watch needs a value');
    const flag = await run(['--json=yes']);
    expect(flag.stderr).toContain('--json takes no value');
    const zh = await run(['--plna'], { LANG: 'zh_CN.UTF-8' });
    expect(zh.stderr).toContain('未知选项 --plna');
    for (const r of [unknown, missing, dash, flag, zh]) {
      expect(r.stderr).not.toMatch(/To specify|positional argument|ambiguous/);
    }
  });

  it('documents --yes for auth remove in --help', async () => {
    const help = await run(['--help']);
    expect(help.stdout).toContain('auth remove [LOGIN] [--yes]');
    const auth = await run(['auth', 'help']);
    expect(auth.stdout).toContain('--yes when not in a terminal');
  });
});

describe('the CLI’s own words', () => {
  it('without a token or a keychain recommends COPILOT_METER_TOKEN, not auth set or the wizard', async () => {
    const r = await run(['status']);
    expect(r.code).toBe(EXIT.usage);
    expect(r.stderr).toContain('set COPILOT_METER_TOKEN');
    expect(r.stderr).not.toContain('auth set');
    expect(r.stderr).not.toMatch(/setup|for this session only/);
  });

  it('auth status says only that the keychain could not be read (exit 8), not also "No token saved"', async () => {
    const r = await run(['auth', 'status']);
    expect(r.code).toBe(EXIT.keychain);
    expect(r.stdout + r.stderr).not.toContain('No token saved');
    expect(r.stderr).toContain('The keychain could not be read');
    expect(r.stderr).not.toMatch(/for this session only/);
  });

  it('auth set without a keychain points to COPILOT_METER_TOKEN', async () => {
    fake = await startFakeGitHub(scenarios.patCreditsPro);
    const r = await run(['auth', 'set', '--api-url', fake.url], {}, FAKE_PAT);
    expect(r.code).toBe(EXIT.keychain);
    expect(r.stderr).toContain('COPILOT_METER_TOKEN');
    expect(r.stderr).not.toMatch(/for this session only|in setup/);
    expect(existsSync(settingsFile())).toBe(false);
    noToken(r);
  });
});

describe('output into a pipe that closes early', () => {
  it('ends quietly, like `copilot-meter config | head -1`, without a stack trace', async () => {
    const child = spawn(process.execPath, [BIN, 'config', 'get', '--lang', 'en'], {
      env: { PATH: process.env.PATH ?? '', HOME: home, COPILOT_METER_CONFIG_DIR: join(home, 'settings') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // The reader goes away before the command writes anything.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toMatch(/EPIPE|Unhandled|at /);
    expect(code).toBe(0);
  });
});

describe('--user and --watch', () => {
  it('refuses a reading of another account than --user names, and accepts the token’s own login', async () => {
    fake = await startFakeGitHub(scenarios.patCreditsPro);
    const other = await run(['--api-url', fake.url, '--plan', 'pro', '--user', 'someone-else'], withToken);
    expect(other.code).toBe(EXIT.usage);
    expect(other.stderr).toContain(
      '--user @someone-else does not match the token, which belongs to @octocat',
    );
    expect(other.stdout).not.toContain('1,087.75');
    const json = await run(['--json', '--api-url', fake.url, '--user', 'someone-else'], withToken);
    expect(json.code).toBe(EXIT.usage);
    expect(JSON.parse(json.stdout).error).toMatchObject({ kind: 'config', reason: 'badInput' });
    const own = await run(['--api-url', fake.url, '--plan', 'pro', '--user', 'OctoCat'], withToken);
    expect(own.code).toBe(EXIT.ok);
  });

  it('--watch below 60 says the minimum, which --help and the README state', async () => {
    const r = await run(['--watch', '30']);
    expect(r.code).toBe(EXIT.usage);
    expect(r.stderr).toContain('at least 60');
    expect((await run(['--help'])).stdout).toMatch(/--watch SECONDS\s+refresh every SECONDS \(at least 60/);
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const cli = readme.slice(readme.indexOf('## The CLI'), readme.indexOf('### `--json`'));
    expect(cli).toMatch(/--watch SECONDS[^\n]*at least 60/);
  });
});
