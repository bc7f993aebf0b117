import { describe, expect, it } from 'vitest';
import { parseCli, UsageError } from '../../main/cli/args';

describe('command-line parsing', () => {
  it('defaults to status in text format', () => {
    const o = parseCli([]);
    expect(o.command).toBe('status');
    expect(o.format).toBe('text');
  });

  it('treats --json as --format json and accepts every documented format', () => {
    expect(parseCli(['status', '--json']).format).toBe('json');
    for (const f of ['text', 'json', 'oneline', 'waybar']) expect(parseCli(['--format', f]).format).toBe(f);
    expect(() => parseCli(['--format', 'xml'])).toThrow(UsageError);
  });

  it('refuses a token on the command line without echoing it', () => {
    const token = 'github_pat_FAKE0123456789abcdefghij';
    for (const argv of [
      [token],
      ['--user', token],
      [`--user=${token}`],
      ['auth', 'set', 'gho_FAKEabcdefgh1234'],
    ]) {
      let err: unknown;
      try {
        parseCli(argv);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(UsageError);
      expect((err as Error).message).not.toContain('FAKE');
      expect((err as Error).message).toMatch(/COPILOT_METER_TOKEN|stdin/);
    }
  });

  it('validates plan, allowance, language, watch interval and login', () => {
    expect(parseCli(['--plan', 'Pro+']).plan).toBe('pro+');
    expect(parseCli(['--allowance', '1900']).allowance).toBe(1900);
    expect(parseCli(['--lang', 'zh']).lang).toBe('zh');
    expect(parseCli(['--watch', '300']).watch).toBe(300);
    expect(() => parseCli(['--plan', 'gold'])).toThrow(/--plan/);
    expect(() => parseCli(['--allowance', '-3'])).toThrow(/--allowance/);
    expect(() => parseCli(['--lang', 'de'])).toThrow(/--lang/);
    expect(() => parseCli(['--watch', '5'])).toThrow(/at least 60/);
    expect(() => parseCli(['--user', 'bad user'])).toThrow(/--user/);
  });

  it('passes auth subcommands through and rejects unknown commands and flags', () => {
    const o = parseCli(['auth', 'import', '--delete']);
    expect(o.command).toBe('auth');
    expect(o.rest).toEqual(['import']);
    expect(o.authFlags.delete).toBe(true);
    expect(() => parseCli(['stats'])).toThrow(/unknown command/);
    expect(() => parseCli(['--verbose'])).toThrow(UsageError);
  });

  it('passes config subcommands and their words through, and --yes for auth remove', () => {
    const o = parseCli(['config', 'set', 'thresholds', '75,90,100']);
    expect(o.command).toBe('config');
    expect(o.rest).toEqual(['set', 'thresholds', '75,90,100']);
    expect(parseCli(['auth', 'remove', 'octocat', '--yes']).authFlags.yes).toBe(true);
    expect(parseCli(['auth', 'remove', '-y']).authFlags.yes).toBe(true);
    expect(parseCli(['auth', 'remove']).authFlags.yes).toBe(false);
  });

  it('names the option that is wrong, never with the parser’s own advice', () => {
    const message = (argv: string[]) => {
      try {
        parseCli(argv);
      } catch (e) {
        return e instanceof UsageError ? { key: e.key, params: e.params, text: e.message } : null;
      }
      return null;
    };
    expect(message(['--plna'])).toMatchObject({ key: 'cli.err.unknownOption', params: { option: '--plna' } });
    expect(message(['-x'])).toMatchObject({ key: 'cli.err.unknownOption', params: { option: '-x' } });
    expect(message(['--format'])).toMatchObject({
      key: 'cli.err.missingValue',
      params: { option: '--format' },
    });
    expect(message(['--delete=1'])).toMatchObject({ key: 'cli.err.noValue', params: { option: '--delete' } });
    expect(message(['--plna'])?.text).not.toMatch(/positional|To specify/);
  });
});
