/** Documented exit codes (README "CLI"). Scripts and status bars rely on these; never renumber. */
import type { ErrorInfo } from '../../shared/errors';
import { assertNever } from '../../shared/errors';

export const EXIT = {
  ok: 0,
  /** Unexpected failure (a bug). */
  internal: 1,
  /** Bad command line or configuration (no credential, insecure URL, bad input). */
  usage: 2,
  /** Token expired, revoked or missing the Plan permission. */
  auth: 3,
  /** User or billing data not found (wrong username, seat billed to an org). */
  notFound: 4,
  rateLimited: 5,
  /** Network down, timeout, or GitHub 5xx. */
  network: 6,
  /** GitHub answered in a shape we do not recognise. */
  badResponse: 7,
  /** The OS keychain is unavailable or refused. */
  keychain: 8,
  /** GitHub's answer was larger than the client reads (refused, not retried). */
  tooLarge: 9,
  /** `guard`: less is left than --min-left asks for. */
  guardLow: 10,
  /** `guard`: what is left cannot be told (allowance unknown, usage hidden by the organisation). */
  guardUnknown: 11,
} as const;

export function exitCodeFor(error: ErrorInfo): number {
  switch (error.kind) {
    case 'auth':
      return EXIT.auth;
    case 'notFound':
      return EXIT.notFound;
    case 'rateLimit':
      return EXIT.rateLimited;
    case 'network':
    case 'timeout':
    case 'server':
      return EXIT.network;
    case 'responseShape':
      return EXIT.badResponse;
    case 'config':
      return EXIT.usage;
    case 'keychain':
      return EXIT.keychain;
    case 'tooLarge':
      return EXIT.tooLarge;
    default:
      return assertNever(error);
  }
}
