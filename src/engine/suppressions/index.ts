import type { Diagnostic } from '../../diagnostics.ts';
import type { BlockHeader, ResourceInstance, SourceComment } from '../../loaders/terraform/types.ts';
import type { InfrastructureModel } from '../../model/types.ts';
import type { ZoneguardConfig } from '../config.ts';
import type { Finding, RuleMeta } from '../types.ts';
import { directivesFromComments } from './comment-directives.ts';
import { directivesFromWaivers } from './config-waivers.ts';
import type { SuppressionLedger } from './ledger.ts';
import { moduleLayout } from './reach.ts';
import { directivesFromTags } from './tag-directives.ts';

export { SuppressionLedger } from './ledger.ts';
export type { SuppressionRecord, SuppressionStatus } from './types.ts';

/** The sources of inline suppressions in one root module. Front ends without comments leave them empty. */
export interface InlineSources {
  root: string;
  model: InfrastructureModel;
  comments?: SourceComment[];
  headers?: BlockHeader[];
  resources?: ResourceInstance[];
}

/**
 * Applies the suppressions written in the sources of one root module
 * (comments and `zoneguard:ignore` tags) to its findings.
 */
export function suppressInline(
  ledger: SuppressionLedger,
  findings: Finding[],
  sources: InlineSources,
  rules: RuleMeta[],
): { findings: Finding[]; diagnostics: Diagnostic[] } {
  const headers = sources.headers ?? [];
  const fromComments = directivesFromComments({ comments: sources.comments ?? [], headers });
  const fromTags = directivesFromTags(sources.model);
  const layout = moduleLayout(sources.root, sources.resources ?? []);
  const directives = [...fromComments.directives, ...fromTags.directives];
  return {
    findings: ledger.apply(findings, directives, { rules, layout, headers }),
    diagnostics: [...fromComments.diagnostics, ...fromTags.diagnostics],
  };
}

/** Applies the config's `waivers` to the findings of the whole scan. */
export function suppressByConfig(
  ledger: SuppressionLedger,
  findings: Finding[],
  config: ZoneguardConfig | undefined,
  where: { configFile?: string; root: string },
  rules: RuleMeta[],
): Finding[] {
  const waivers = config?.waivers ?? [];
  if (waivers.length === 0) return findings;
  const directives = directivesFromWaivers(waivers, where.configFile, where.root);
  return ledger.apply(findings, directives, { rules });
}

/** Returns the `YYYY-MM-DD` of `now` in UTC, the day expiry dates are compared with. */
export function dayOf(now: Date): string {
  return now.toISOString().slice(0, 10);
}
