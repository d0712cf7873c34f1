/** What zoneguard needs from a `pull_request` event payload. */
export interface PullRequestEvent {
  number?: number;
  headSha?: string;
  /** `owner/name` of the head repository; undefined when the fork was deleted. */
  headRepository?: string;
  baseRepository?: string;
}

/** Reads the pull request fields of an event payload; other events give an empty result. */
export function readPullRequestEvent(payload: unknown): PullRequestEvent {
  const pull = (payload as { pull_request?: Record<string, unknown> } | null)?.pull_request;
  if (!pull || typeof pull !== 'object') return {};
  const head = pull.head as { sha?: unknown; repo?: { full_name?: unknown } | null } | undefined;
  const base = pull.base as { repo?: { full_name?: unknown } | null } | undefined;
  return {
    ...(typeof pull.number === 'number' ? { number: pull.number } : {}),
    ...(typeof head?.sha === 'string' ? { headSha: head.sha } : {}),
    ...(typeof head?.repo?.full_name === 'string' ? { headRepository: head.repo.full_name } : {}),
    ...(typeof base?.repo?.full_name === 'string' ? { baseRepository: base.repo.full_name } : {}),
  };
}
