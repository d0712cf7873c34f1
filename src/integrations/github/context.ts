import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readPullRequestEvent, type PullRequestEvent } from './event.ts';

/** The pull request a run reports on, and where web links point. */
export interface PullRequestRef {
  owner: string;
  repo: string;
  /** Absent when the workflow did not run for a pull request (a push). */
  pullNumber?: number;
  /** The head commit the review is written against. */
  headSha: string;
  /** `GITHUB_SERVER_URL`, the web address links are built from. */
  serverUrl?: string;
  /** `GITHUB_RUN_ID`, for a link to the run and its artifacts. */
  runId?: string;
}

export interface GitHubContext extends PullRequestRef {
  /** Never printed or logged. */
  token?: string;
  /** `GITHUB_API_URL`; every REST call goes here, `/api/v3` included on Enterprise Server. */
  apiUrl?: string;
  /** Absolute path of the checkout (`GITHUB_WORKSPACE`). */
  workspace: string;
  /** Set when the event payload shows a head repository other than the base. */
  forkOf?: { head: string; base: string };
  /** `GITHUB_STEP_SUMMARY`, the job summary file. */
  stepSummaryPath?: string;
  /** `GITHUB_OUTPUT`, the step outputs file. */
  outputPath?: string;
}

/** Values given on the command line, which win over the environment. */
export interface ContextFlags {
  repository?: string;
  pullRequest?: number;
  sha?: string;
  apiUrl?: string;
  serverUrl?: string;
  workspace?: string;
  eventPath?: string;
}

/** Reads the context of an Actions run from its environment, overridden by flags. */
export function readGitHubContext(
  env: Record<string, string | undefined>,
  flags: ContextFlags,
  cwd: string,
): { context?: GitHubContext; problems: string[] } {
  const problems: string[] = [];
  const event = readEvent(flags.eventPath ?? env.GITHUB_EVENT_PATH, cwd, problems);
  const repository = flags.repository ?? event?.baseRepository ?? env.GITHUB_REPOSITORY;
  const [owner, repo] = (repository ?? '').split('/');
  if (!owner || !repo) {
    problems.push('The repository is unknown: set GITHUB_REPOSITORY or --repository owner/name.');
  }
  const headSha = flags.sha ?? event?.headSha ?? env.GITHUB_SHA;
  if (!headSha) problems.push('The head commit is unknown: set GITHUB_SHA or --sha.');
  if (problems.length > 0) return { problems };

  const pullNumber = flags.pullRequest ?? event?.number;
  const context: GitHubContext = {
    owner: owner!,
    repo: repo!,
    headSha: headSha!,
    workspace: path.resolve(cwd, flags.workspace ?? env.GITHUB_WORKSPACE ?? cwd),
    ...optional('pullNumber', pullNumber),
    ...optional('token', env.GITHUB_TOKEN),
    ...optional('apiUrl', flags.apiUrl ?? env.GITHUB_API_URL),
    ...optional('serverUrl', flags.serverUrl ?? env.GITHUB_SERVER_URL),
    ...optional('runId', env.GITHUB_RUN_ID),
    ...optional('stepSummaryPath', env.GITHUB_STEP_SUMMARY),
    ...optional('outputPath', env.GITHUB_OUTPUT),
    ...optional('forkOf', forkOf(event)),
  };
  return { context, problems };
}

function readEvent(file: string | undefined, cwd: string, problems: string[]): PullRequestEvent | undefined {
  if (!file) return undefined;
  try {
    return readPullRequestEvent(JSON.parse(readFileSync(path.resolve(cwd, file), 'utf8')));
  } catch (error) {
    problems.push(`The event payload ${file} could not be read: ${(error as Error).message}.`);
    return undefined;
  }
}

function forkOf(event: PullRequestEvent | undefined): GitHubContext['forkOf'] {
  if (!event?.number || event.headRepository === event.baseRepository) return undefined;
  return { head: event.headRepository ?? '(deleted repository)', base: event.baseRepository ?? '' };
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined || value === '' ? {} : { [key]: value }) as { [P in K]?: V };
}
