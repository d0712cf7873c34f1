import type { ResourceInstance } from '../../../loaders/terraform/types.ts';
import type { Site } from '../../types.ts';
import { elements, knownStr, tags } from '../body.ts';
import type { MappingContext } from '../context.ts';
import { referenceOf } from '../references.ts';
import type { ResourceMapper } from '../registry.ts';

/**
 * Projects: a Google network cannot carry labels, so the labels of the
 * project it names (`project = google_project.x.project_id`) stand for its
 * tags. The project is the account held with Google, which is where a team
 * records its hosting agreement. A network that names no project keeps no
 * tags: the provider's default project is not in the code.
 */

const PROJECT_LABELS = 'gcp-project-labels';

function mapProject(instance: ResourceInstance, context: MappingContext): void {
  const labels = tags(instance.body, 'labels');
  const table = context.lookup<Record<string, string>>(PROJECT_LABELS);
  table.set(instance.address, labels);
  const projectId = knownStr(instance.body, 'project_id');
  if (projectId !== undefined) table.set(projectId, labels);
}

/** Gives the site the labels of the project its network names; the network's own tags win. */
export function inheritProjectLabels(site: Site, instance: ResourceInstance, context: MappingContext): void {
  const project = elements(instance.body, 'project')[0];
  if (project === undefined) return;
  context.afterMapping('attach', () => {
    const reference = referenceOf(project);
    const labels = context.lookup<Record<string, string>>(PROJECT_LABELS).get(reference.address ?? reference.literal ?? '');
    if (labels !== undefined) site.tags = { ...labels, ...site.tags };
  });
}

export const projectMappers: Record<string, ResourceMapper> = {
  google_project: mapProject,
};
