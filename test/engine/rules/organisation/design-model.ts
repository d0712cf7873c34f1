import { emptyEvidence, type Evidence } from '../../../../src/model/evidence.ts';
import type { Origin } from '../../../../src/model/location.ts';
import { emptyModel, type InfrastructureModel } from '../../../../src/model/types.ts';
import { runRules } from '../../../../src/engine/run.ts';
import type { Finding } from '../../../../src/engine/types.ts';
import { builtInPack } from '../../harness.ts';

export const DESIGN_FILE = '/repo/dc.zoneguard.yml';

/** A design-file origin at `line`, with its fields at the lines that follow. */
export function designOrigin(address: string, line: number, fields: string[] = []): Origin {
  const attributes: Origin['attributes'] = {};
  fields.forEach((field, i) => {
    attributes[field] = { file: DESIGN_FILE, range: { startLine: line + i + 1, startColumn: 5, endLine: line + i + 1, endColumn: 30 } };
  });
  return {
    address,
    location: { file: DESIGN_FILE, range: { startLine: line, startColumn: 3, endLine: line + fields.length, endColumn: 30 } },
    attributes,
    moduleCalls: [],
  };
}

/**
 * A model as a design file maps it: one site with a zone classified from the
 * design, and the given evidence. Built by hand because the design loader
 * belongs to another stage; the facts have the shape the contract fixes.
 */
export function designModel(fill: (evidence: Evidence) => void): InfrastructureModel {
  const model = emptyModel();
  model.sites.push({ id: 'sites.dc', name: 'dc', cidrs: ['10.0.0.0/16'], tags: {}, origin: designOrigin('sites.dc', 10) });
  model.segments.push({
    id: 'sites.dc.zones.internal',
    name: 'internal',
    siteId: 'sites.dc',
    cidrs: ['10.0.1.0/24'],
    zone: { zone: 'internal', candidates: [{ zone: 'internal', source: 'design', evidence: 'design zone internal' }] },
    mapPublicIp: false,
    tags: {},
    origin: designOrigin('sites.dc.zones.internal', 12),
  });
  const evidence = emptyEvidence();
  fill(evidence);
  model.evidence = evidence;
  return model;
}

/** Runs one rule of the built-in pack on a model, in strict mode. */
export async function runOnModel(model: InfrastructureModel, ruleId: string): Promise<Finding[]> {
  const { findings, diagnostics } = runRules({
    model,
    reachability: { flows: [], unevaluated: [], matrix: [] },
    pack: await builtInPack(),
    language: 'vi',
    ruleIds: [ruleId],
    strict: true,
  });
  const errors = diagnostics.filter((diagnostic) => diagnostic.code === 'rule-error');
  if (errors.length > 0) throw new Error(JSON.stringify(errors));
  return findings;
}
