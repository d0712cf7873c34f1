import type { PullRequestRef } from './context.ts';

/**
 * Builds web links from `GITHUB_SERVER_URL`, never from a fixed host, so links
 * work on GitHub Enterprise Server. Returns undefined without a server URL.
 */
export function blobLink(ref: PullRequestRef, file: string, line?: number): string | undefined {
  if (!ref.serverUrl) return undefined;
  const encoded = file.split('/').map(encodeURIComponent).join('/');
  const anchor = line !== undefined ? `#L${line}` : '';
  return `${trimSlash(ref.serverUrl)}/${ref.owner}/${ref.repo}/blob/${ref.headSha}/${encoded}${anchor}`;
}

export function runLink(ref: PullRequestRef): string | undefined {
  if (!ref.serverUrl || !ref.runId) return undefined;
  return `${trimSlash(ref.serverUrl)}/${ref.owner}/${ref.repo}/actions/runs/${ref.runId}`;
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}
