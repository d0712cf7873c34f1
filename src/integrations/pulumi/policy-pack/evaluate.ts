import type { ZoneguardConfig } from '../../../engine/config.ts';
import type { Finding } from '../../../engine/types.ts';
import { toInstances, type PulumiResource } from '../../../loaders/pulumi/index.ts';
import { ResourceIndex } from '../../../loaders/pulumi/references.ts';
import { scanLoaded } from '../scan-loaded.ts';

/** A finding with the URN of the resource it is about, for `reportViolation`. */
export interface PolicyFinding {
  finding: Finding;
  /** Absent when the finding is about something no resource made (an implicit site). */
  urn?: string;
}

/** The location of findings about a stack, which has no files, only URNs. */
const STACK_LOCATION = { file: 'Pulumi stack' };

/** Runs rules over resources through the same front end and engine as `zoneguard scan`. */
export async function evaluate(
  resources: readonly PulumiResource[],
  ruleIds: readonly string[],
  config: ZoneguardConfig,
): Promise<PolicyFinding[]> {
  const index = new ResourceIndex(resources);
  const urns = new Map(resources.map((resource) => [index.address(resource.urn), resource.urn]));
  const instances = toInstances(resources, () => STACK_LOCATION);
  const loaded = { root: '', resources: instances, files: [], comments: [], headers: [], diagnostics: [], unresolvedVariables: [] };
  const result = await scanLoaded(loaded, { config, ruleIds: [...ruleIds] });
  return result.findings.map((finding) => {
    const urn = urns.get(finding.address);
    return urn === undefined ? { finding } : { finding, urn };
  });
}
