/**
 * What every CLI command is handed: parsed global options, I/O, the translator and the seams. Built once in
 * index.ts; tests build it with in-memory I/O. Commands return an exit code (see exit-codes.ts) and never call
 * process.exit themselves.
 */
import type { PlanId } from '../../shared/domain';
import type { Translator } from '../../shared/i18n';
import type { Clock, Env, Files, Http } from '../core/ports';
import type { SecretStore } from '../secrets/types';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** True when stdin is an interactive terminal (then secrets are read with a hidden prompt). */
  stdinIsTTY: boolean;
  /** All of stdin (for piped tokens). */
  readStdin(): Promise<string>;
  /** Prompt without echo (interactive only). */
  readSecret(prompt: string): Promise<string>;
  /** Yes/no question; `fallback` when not interactive. */
  confirm(question: string, fallback: boolean): Promise<boolean>;
}

export interface CliContext {
  io: CliIo;
  tr: Translator;
  /** Normalised REST API base URL (from --api-url, else settings, else https://api.github.com). */
  apiUrl: string;
  /** True when --api-url was given: only then may a command save apiUrl (an env override is for this run). */
  apiUrlFromFlag: boolean;
  json: boolean;
  /**
   * Flags parsed globally by args.ts (parsing is strict and shared, so subcommands receive only positionals):
   * `--user LOGIN`, `--delete`, `--session-only`, `--yes`. `runAuthCommand(args, ctx)` gets e.g. args = ['set'].
   */
  flags: {
    user?: string;
    plan?: PlanId;
    delete: boolean;
    sessionOnly: boolean;
    /** `auth remove --yes`: no question (and required when stdin is not a terminal). */
    yes?: boolean;
  };
  env: Env;
  files: Files;
  http: Http;
  clock: Clock;
  /** Opened lazily: loading keytar costs start-up time and may fail (no Secret Service). */
  openSecrets(): Promise<SecretStore>;
}
