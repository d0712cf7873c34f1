import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import createDebug from 'debug';
import { toolVersion } from '../../engine/tool-version.ts';
import { pacer } from './pacer.ts';

const debug = createDebug('zoneguard:integrations:github:client');

const PacedOctokit = Octokit.plugin(retry, throttling);
export type GitHubClient = InstanceType<typeof PacedOctokit>;

/** Retries of a 5xx response, each after (n + 1)² seconds: 1, 4 and 9 s. */
const SERVER_ERROR_RETRIES = 3;
/** Retries of one request after a rate limit, so a run never loops forever. */
const RATE_LIMIT_RETRIES = 2;
/** A rate limit that resets later than this ends the run's writes instead of waiting. */
const MAX_RATE_LIMIT_WAIT_SECONDS = 300;

export interface ClientOptions {
  token: string;
  /** `GITHUB_API_URL`; there is no default host. */
  baseUrl: string;
  /**
   * Milliseconds one second of GitHub's waits takes: `retry-after`,
   * `x-ratelimit-reset`, back-off and write pacing. 1000 outside tests.
   */
  secondMs?: number;
  /** Told of each rate-limit wait in seconds, for the log. */
  onWait?: (reason: string, seconds: number) => void;
}

/**
 * Creates the REST client: retries of 5xx with back-off, waits on primary and
 * secondary rate limits, and writes paced as GitHub's best practices ask
 * (one write a second, three seconds between writes that notify people).
 */
export function createGitHubClient(options: ClientOptions): GitHubClient {
  const secondMs = options.secondMs ?? 1000;
  const wait = (reason: string) => (seconds: number, request: { method: string; url: string }, _: unknown, retryCount: number) => {
    const allowed = retryCount < RATE_LIMIT_RETRIES && seconds <= MAX_RATE_LIMIT_WAIT_SECONDS;
    debug('%s on %s %s: retry-after %d s, %s', reason, request.method, request.url, seconds, allowed ? 'waiting' : 'giving up');
    if (allowed) options.onWait?.(reason, seconds);
    return allowed;
  };
  return new PacedOctokit({
    auth: options.token,
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    userAgent: `zoneguard/${toolVersion()}`,
    log: { debug, info: debug, warn: debug, error: debug },
    retry: { retries: SERVER_ERROR_RETRIES, retryAfterBaseValue: secondMs },
    throttle: {
      retryAfterBaseValue: secondMs,
      // The plugin types these as Bottleneck groups; it only calls key().schedule().
      write: pacer(secondMs) as never,
      notifications: pacer(3 * secondMs) as never,
      onRateLimit: wait('rate limit'),
      onSecondaryRateLimit: wait('secondary rate limit'),
    },
  });
}
