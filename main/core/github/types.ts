/**
 * The GitHub client contract, between the HTTP layer (client.ts: headers, timeouts, retries, ETag, error
 * mapping) and the strategies (which only say what to ask and parse what comes back).
 */

/** Which header set to send. 'rest' = documented REST API (Bearer + vnd.github+json + API version);
 *  'copilot' = internal endpoints, mimicking a Copilot editor client (`token` scheme + editor headers). */
export type RequestFlavor = 'rest' | 'copilot';

export interface GitHubRequest {
  /** Path below the API base, starting with '/'. */
  path: string;
  query?: Record<string, string | number>;
  token: string;
  flavor: RequestFlavor;
  /** X-GitHub-Api-Version for 'rest' (default 2022-11-28). */
  apiVersion?: string;
  /** Override the Authorization scheme (default: 'Bearer' for rest, 'token' for copilot). */
  scheme?: 'Bearer' | 'token';
}

export interface GitHubResponse {
  status: number;
  /** Parsed JSON body (from the ETag cache when the server said 304). */
  body: unknown;
  /** True when the server answered 304 and `body` is the cached copy. */
  notModified: boolean;
  headers: Record<string, string>;
  durationMs: number;
  /** When the token expires (ISO 8601), from GitHub's `github-authentication-token-expiration` header, if sent. */
  tokenExpiresAt?: string;
}

/**
 * Every non-2xx/304 outcome throws an AppError (shared/errors) whose info carries `status` where there was one:
 * 401 → auth (expired|revoked), 403 rate-limited → rateLimit(retryAt), 403 otherwise → auth missingPermission,
 * 404 → notFound(endpoint; the strategy refines it), 429 → rateLimit, 5xx → server (after retries),
 * transport → network / timeout (after retries), body not JSON → responseShape, other 4xx → server (not
 * retried), a redirect to another origin → config 'other' (not followed). Retry policy: top of client.ts.
 */
export interface GitHubClient {
  readonly baseUrl: string;
  /** Web host of the account ("github.com", "acme.ghe.com", GHES host, "127.0.0.1:1234"). */
  readonly webHost: string;
  get(req: GitHubRequest, signal?: AbortSignal): Promise<GitHubResponse>;
}
