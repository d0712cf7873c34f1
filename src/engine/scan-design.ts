import { resolve } from 'node:path';
import createDebug from 'debug';
import type { ApprovedDesign } from '../analysis/design-as-built/types.ts';
import { computeReachability } from '../analysis/reachability/index.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { findDesignFiles } from '../loaders/design/find.ts';
import { isDesignFileName, loadDesign } from '../loaders/design/index.ts';
import { designToModel } from '../model/design/index.ts';
import { emptyEvidence, mergeEvidence } from '../model/evidence.ts';
import { emptyModel, type InfrastructureModel, type SiteProfile } from '../model/types.ts';
import type { ZoneguardConfig } from './config.ts';

const debug = createDebug('zoneguard:engine:scan-design');

/** A design file mapped to the model, scanned as a unit of its own. */
export interface DesignUnit {
  file: string;
  model: InfrastructureModel;
}

export interface DesignInputs {
  units: DesignUnit[];
  /** The scan paths that are not design files, for the code input resolver. */
  codePaths: string[];
  /** Every design merged, for `design-as-built`; absent when the scan has no design. */
  approved?: ApprovedDesign;
  diagnostics: Diagnostic[];
}

/**
 * Loads the design files of a scan: those given with `--design` and every
 * `*.zoneguard.yml` among the scan paths. Each becomes a unit the rules run on;
 * together they are the approved design that code units are compared with.
 */
export async function loadDesignInputs(
  paths: readonly string[],
  designFiles: readonly string[],
  cwd: string,
): Promise<DesignInputs> {
  const files = new Set([...designFiles.map((file) => resolve(cwd, file)), ...(await findDesignFiles(paths, cwd))]);
  const units: DesignUnit[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const file of [...files].sort()) {
    const loaded = await loadDesign(file);
    diagnostics.push(...loaded.diagnostics);
    if (loaded.design) units.push({ file, model: designToModel(loaded.design) });
  }
  debug('%d design files, %d loaded', files.size, units.length);
  const codePaths = paths.filter((path) => !isDesignFileName(path));
  const approved = units.length === 0 ? undefined : mergeDesigns(units);
  return { units, codePaths, diagnostics, ...(approved ? { approved } : {}) };
}

function mergeDesigns(units: DesignUnit[]): ApprovedDesign {
  const model = emptyModel();
  let evidence = emptyEvidence();
  for (const unit of units) {
    model.sites.push(...unit.model.sites);
    model.segments.push(...unit.model.segments);
    model.hosts.push(...unit.model.hosts);
    model.firewallSets.push(...unit.model.firewallSets);
    model.volumes.push(...unit.model.volumes);
    if (unit.model.evidence) evidence = mergeEvidence(evidence, unit.model.evidence);
  }
  model.evidence = evidence;
  return { model, reachability: computeReachability(model), files: units.map((unit) => unit.file) };
}

/**
 * Adds the profile each design site declares to the config's site profiles,
 * so `zone-required` checks a DR site declared `portal` as a portal. A profile
 * the config sets for the same site id wins.
 */
export function withDesignProfiles(config: ZoneguardConfig | undefined, model: InfrastructureModel): ZoneguardConfig {
  const declared: Record<string, SiteProfile> = {};
  for (const site of model.sites) {
    const profile = site.tags['profile'];
    if (profile === 'datacenter' || profile === 'portal') declared[site.id] = profile;
  }
  const sites = { ...declared, ...(config?.profiles?.sites ?? {}) };
  return { ...config, profiles: { ...config?.profiles, sites } };
}
