/**
 * Command-line parsing (node:util parseArgs, strict). Tokens are NEVER accepted on argv (they would land in
 * shell history and `ps`): only COPILOT_METER_TOKEN or stdin (`--token-stdin`, `auth set`).
 */
import { parseArgs } from 'node:util';
import type { PlanId } from '../../shared/domain';
import { isLang, type Lang } from '../../shared/i18n';
import { parsePlan } from '../../shared/plans';

export const FORMATS = ['text', 'json', 'oneline', 'waybar'] as const;
export type Format = (typeof FORMATS)[number];

export interface GlobalOptions {
  command: 'status' | 'auth' | 'help' | 'version';
  /** Words after the command (auth subcommand and its operands). */
  rest: string[];
  format: Format;
  apiUrl?: string;
  lang?: Lang;
  user?: string;
  plan?: PlanId;
  allowance?: number;
  tokenStdin: boolean;
  /** Seconds between refreshes for --watch (≥ 60), undefined when not watching. */
  watch?: number;
  noColor: boolean;
  /** Flags only `auth` understands, passed through untouched. */
  authFlags: { delete: boolean; sessionOnly: boolean };
}

export class UsageError extends Error {}

const TOKEN_LIKE = /^(github_pat_|gh[pousr]_)[A-Za-z0-9_]{8,}/;

export function parseCli(argv: readonly string[]): GlobalOptions {
  // Refuse a token on the command line before anything else looks at it, and do not echo it back.
  if (argv.some((a) => TOKEN_LIKE.test(a.replace(/^--?[\w-]+=/, '')))) {
    throw new UsageError(
      'a token was passed on the command line; it may now be in your shell history. Pass it through COPILOT_METER_TOKEN or stdin (--token-stdin), and consider revoking that token.',
    );
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: 'boolean' },
        format: { type: 'string', short: 'f' },
        'api-url': { type: 'string' },
        lang: { type: 'string' },
        user: { type: 'string' },
        plan: { type: 'string' },
        allowance: { type: 'string' },
        'token-stdin': { type: 'boolean' },
        watch: { type: 'string' },
        'no-color': { type: 'boolean' },
        delete: { type: 'boolean' },
        'session-only': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const { values: v, positionals } = parsed;
  const [first, ...rest] = positionals;
  let command: GlobalOptions['command'] = 'status';
  if (v.help || first === 'help') command = 'help';
  else if (v.version || first === 'version') command = 'version';
  else if (first === 'auth') command = 'auth';
  else if (first !== undefined && first !== 'status') throw new UsageError(`unknown command "${first}"`);

  let format: Format = v.json ? 'json' : 'text';
  if (v.format !== undefined) {
    if (!(FORMATS as readonly string[]).includes(v.format)) {
      throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
    }
    format = v.format as Format;
  }
  const opts: GlobalOptions = {
    command,
    rest: command === 'auth' ? rest : [],
    format,
    tokenStdin: v['token-stdin'] ?? false,
    noColor: v['no-color'] ?? false,
    authFlags: { delete: v.delete ?? false, sessionOnly: v['session-only'] ?? false },
  };
  if (command === 'status' && rest.length > 0) throw new UsageError(`unexpected argument "${rest[0]}"`);
  if (v['api-url'] !== undefined) opts.apiUrl = v['api-url'];
  if (v.lang !== undefined) {
    if (!isLang(v.lang)) throw new UsageError('--lang must be one of en, zh, fr');
    opts.lang = v.lang;
  }
  if (v.user !== undefined) {
    if (!/^[A-Za-z0-9](?:[A-Za-z0-9-_]{0,38})$/.test(v.user))
      throw new UsageError('--user is not a GitHub login');
    opts.user = v.user;
  }
  if (v.plan !== undefined) {
    const plan = parsePlan(v.plan);
    if (!plan) throw new UsageError('--plan must be one of free, pro, pro+, max, business, enterprise');
    opts.plan = plan;
  }
  if (v.allowance !== undefined) {
    const n = Number(v.allowance);
    if (!Number.isFinite(n) || n <= 0) throw new UsageError('--allowance must be a positive number');
    opts.allowance = n;
  }
  if (v.watch !== undefined) {
    const s = Number(v.watch);
    if (!Number.isFinite(s) || s < 60) throw new UsageError('--watch takes seconds, at least 60');
    opts.watch = s;
  }
  return opts;
}
