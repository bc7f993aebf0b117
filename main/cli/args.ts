/**
 * Command-line parsing (node:util parseArgs, strict). Tokens are NEVER accepted on argv (they would land in
 * shell history and `ps`): only COPILOT_METER_TOKEN or stdin (`--token-stdin`, `auth set`).
 */
import { parseArgs } from 'node:util';
import type { PlanId } from '../../shared/domain';
import { createTranslator, isLang, type Lang, type MessageKey, type Params } from '../../shared/i18n';
import { parsePlan } from '../../shared/plans';
import { startsWithTokenText } from '../../shared/tokens';

export const FORMATS = ['text', 'json', 'oneline', 'waybar'] as const;
/** `--watch` accepts 60 s to one day. */
export const MAX_WATCH_SECONDS = 86_400;
export type Format = (typeof FORMATS)[number];

export interface GlobalOptions {
  command: 'status' | 'auth' | 'config' | 'help' | 'version' | 'history' | 'guard';
  /** Words after the command (auth/config subcommand and its operands). */
  rest: string[];
  format: Format;
  apiUrl?: string;
  lang?: Lang;
  user?: string;
  plan?: PlanId;
  allowance?: number;
  tokenStdin: boolean;
  /** Seconds between refreshes for --watch (60..86400), undefined when not watching. */
  watch?: number;
  noColor: boolean;
  /** `history --months N`: months to show, the current one included (1..24, default 1). */
  months?: number;
  /** `history --csv`. */
  csv: boolean;
  /** `guard --min-left N` (units) or `N%` (of the allowance). */
  minLeft?: { value: number; percent: boolean };
  /** Flags only `auth` understands, passed through untouched. */
  authFlags: { delete: boolean; sessionOnly: boolean; yes: boolean };
}

/** A bad command line: `key` and `params` say it in the user's language; `message` is the English text. */
export class UsageError extends Error {
  constructor(
    readonly key: MessageKey,
    readonly params: Params = {},
  ) {
    super(createTranslator('en').t(key, params));
  }
}

/**
 * parseArgs' own messages ("To specify a positional argument starting with a '-' …") are for programmers and
 * English only: say what is wrong in the user's words instead. Only the option's name is taken from them.
 */
function optionError(e: unknown): UsageError {
  const code = (e as { code?: unknown }).code;
  const message = e instanceof Error ? e.message : '';
  // "Option '-f, --format <value>' argument missing": the long name when there is one.
  const quoted = /'([^']*)'/.exec(message)?.[1] ?? '';
  const option = /--[A-Za-z0-9][\w-]*/.exec(quoted)?.[0] ?? /-[A-Za-z0-9]/.exec(quoted)?.[0] ?? '?';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return new UsageError('cli.err.unknownOption', { option });
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    if (/does not take an argument/.test(message)) return new UsageError('cli.err.noValue', { option });
    // "argument missing", or "ambiguous" (the next word starts with '-', e.g. --watch -5).
    return new UsageError('cli.err.missingValue', { option });
  }
  return new UsageError('cli.err.badOptions');
}

export function parseCli(argv: readonly string[]): GlobalOptions {
  // Refuse a token on the command line before anything else looks at it, and do not echo it back.
  if (argv.some((a) => startsWithTokenText(a.replace(/^--?[\w-]+=/, '')))) {
    throw new UsageError('cli.err.tokenInArgv');
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
        months: { type: 'string' },
        csv: { type: 'boolean' },
        'min-left': { type: 'string' },
        'no-color': { type: 'boolean' },
        delete: { type: 'boolean' },
        'session-only': { type: 'boolean' },
        yes: { type: 'boolean', short: 'y' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (e) {
    throw optionError(e);
  }
  const { values: v, positionals } = parsed;
  const [first, ...rest] = positionals;
  let command: GlobalOptions['command'] = 'status';
  if (v.help || first === 'help') command = 'help';
  else if (v.version || first === 'version') command = 'version';
  else if (first === 'auth') command = 'auth';
  else if (first === 'history') command = 'history';
  else if (first === 'guard') command = 'guard';
  else if (first === 'config') command = 'config';
  else if (first !== undefined && first !== 'status')
    throw new UsageError('cli.err.unknownCommand', { command: first });

  let format: Format = v.json ? 'json' : 'text';
  if (v.format !== undefined) {
    if (!(FORMATS as readonly string[]).includes(v.format)) {
      throw new UsageError('cli.err.format', { formats: FORMATS.join(', ') });
    }
    format = v.format as Format;
  }
  const opts: GlobalOptions = {
    command,
    rest: command === 'auth' || command === 'config' ? rest : [],
    format,
    tokenStdin: v['token-stdin'] ?? false,
    csv: v.csv ?? false,
    noColor: v['no-color'] ?? false,
    authFlags: { delete: v.delete ?? false, sessionOnly: v['session-only'] ?? false, yes: v.yes ?? false },
  };
  if ((command === 'status' || command === 'history' || command === 'guard') && rest.length > 0)
    throw new UsageError('cli.err.unexpected', { arg: rest[0]! });
  if (opts.csv && command !== 'history') throw new UsageError('cli.err.csv');
  if (v.months !== undefined) {
    const n = Number(v.months);
    if (!Number.isInteger(n) || n < 1 || n > 24) throw new UsageError('cli.err.months');
    opts.months = n;
  }
  if (v['min-left'] !== undefined) {
    const m = /^\s*(\d+(?:\.\d+)?)\s*(%?)\s*$/.exec(v['min-left']);
    if (!m || (m[2] === '%' && Number(m[1]) > 100)) throw new UsageError('cli.err.minLeft');
    opts.minLeft = { value: Number(m[1]), percent: m[2] === '%' };
  }
  if (command === 'guard' && !opts.minLeft) throw new UsageError('cli.err.minLeftMissing');
  if (v['api-url'] !== undefined) opts.apiUrl = v['api-url'];
  if (v.lang !== undefined) {
    if (!isLang(v.lang)) throw new UsageError('cli.err.lang');
    opts.lang = v.lang;
  }
  if (v.user !== undefined) {
    if (!/^[A-Za-z0-9](?:[A-Za-z0-9-_]{0,38})$/.test(v.user)) throw new UsageError('cli.err.user');
    opts.user = v.user;
  }
  if (v.plan !== undefined) {
    const plan = parsePlan(v.plan);
    if (!plan) throw new UsageError('cli.err.plan');
    opts.plan = plan;
  }
  if (v.allowance !== undefined) {
    const n = Number(v.allowance);
    if (!Number.isFinite(n) || n <= 0) throw new UsageError('cli.err.allowance');
    opts.allowance = n;
  }
  if (v.watch !== undefined) {
    const s = Number(v.watch);
    // Bounded above too: a wait longer than setTimeout's 24.8 days would fire at once, in a loop.
    if (!Number.isFinite(s) || s < 60 || s > MAX_WATCH_SECONDS) throw new UsageError('cli.err.watch');
    opts.watch = s;
  }
  return opts;
}
