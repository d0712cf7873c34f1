import createDebug from 'debug';
import type { LoadedDesign } from '../../loaders/design/types.ts';
import { emptyEvidence } from '../evidence.ts';
import { emptyModel, type InfrastructureModel } from '../types.ts';
import { mapNetwork } from './network.ts';
import { mapOrganisationEvidence } from './organisation-evidence.ts';
import { mapPolicies } from './policies.ts';
import { mapSiteEvidence } from './site-evidence.ts';

const debug = createDebug('zoneguard:model:design');

/**
 * Maps a design file into the same model infrastructure code produces: sites,
 * zones as segments classified from the design, servers as hosts with their
 * storage, firewall policies as ordered sets, plus the organisational facts
 * in `evidence`. Every object's origin points at its YAML lines.
 */
export function designToModel(design: LoadedDesign): InfrastructureModel {
  const model = emptyModel();
  const network = mapNetwork(design, model);
  mapPolicies(design, model, network);
  const evidence = emptyEvidence();
  mapOrganisationEvidence(design, evidence);
  mapSiteEvidence(design, evidence);
  model.evidence = evidence;
  debug('%s: %d sites, %d zones, %d servers, %d policy sets', design.file, model.sites.length, model.segments.length, model.hosts.length, model.firewallSets.length);
  return model;
}
