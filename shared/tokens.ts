/**
 * Text that looks like a GitHub token (fine-grained github_pat_, classic ghp_, OAuth gho_, ghu_, ghs_, ghr_):
 * one pattern for every place that must refuse, drop or blank one (argv, settings, backups, keychain errors,
 * an address field).
 */
const SOURCE = '(github_pat_|gh[pousr]_)[A-Za-z0-9_]{8,}';
const ANYWHERE = new RegExp(SOURCE);
const AT_START = new RegExp(`^${SOURCE}`);
const ALL = new RegExp(SOURCE, 'g');

export const containsTokenText = (text: string): boolean => ANYWHERE.test(text);
export const startsWithTokenText = (text: string): boolean => AT_START.test(text);
export const redactTokenText = (text: string, replacement: string): string => text.replace(ALL, replacement);
