import type { Origin } from '../../model/location.ts';
import type { InfrastructureModel } from '../../model/types.ts';
import { invalidDiagnostic, type ReadDirectives } from './comment-directives.ts';
import { parseSuppressionBody } from './parse-text.ts';

/**
 * Tag keys that carry a suppression. Some clouds do not allow `:` in label
 * keys (Google Cloud), hence the spellings with `-` and `_`. A numbered key
 * (`zoneguard:ignore:2`) contains a further suppression of the same object.
 */
const TAG_KEY = /^zoneguard[:_-]ignore(?:[:_-]\d+)?$/i;

interface Tagged {
  tags: Record<string, string>;
  origin: Origin;
}

/**
 * Reads `zoneguard:ignore = "rule -- reason, until 2027-06-30"` tags from
 * every tagged model object. It works on the model, not on a loader's output,
 * so every front end whose resources carry tags (HCL, plan JSON, cdktf,
 * Pulumi) gets it. A tag reaches the findings about its own resource.
 */
export function directivesFromTags(model: InfrastructureModel): ReadDirectives {
  const result: ReadDirectives = { directives: [], diagnostics: [] };
  const seen = new Set<string>();
  for (const object of taggedObjects(model)) {
    for (const [key, value] of Object.entries(object.tags)) {
      if (!TAG_KEY.test(key)) continue;
      const id = `tag:${object.origin.address}:${value}`;
      if (seen.has(id)) continue;
      seen.add(id);
      const location = object.origin.attributes.tags ?? object.origin.location;
      const parsed = parseSuppressionBody(value);
      if (parsed.kind === 'invalid') {
        result.diagnostics.push(invalidDiagnostic(parsed.problem, parsed.hint, location));
      } else if (parsed.kind === 'suppression') {
        const scope = { kind: 'resource' as const, address: object.origin.address };
        result.directives.push({ ...parsed.text, id, kind: 'inline', location, scope });
      }
    }
  }
  return result;
}

/** Collects every model object with `tags` and an `origin`, whatever its collection. */
function taggedObjects(model: InfrastructureModel): Tagged[] {
  return Object.values(model)
    .filter((collection): collection is unknown[] => Array.isArray(collection))
    .flat()
    .filter(isTagged);
}

function isTagged(value: unknown): value is Tagged {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<Tagged>;
  return typeof candidate.tags === 'object' && candidate.tags !== null && candidate.origin !== undefined;
}
