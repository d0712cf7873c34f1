import type { EvaluatedBody } from '../../../loaders/terraform/types.ts';
import { elements } from '../body.ts';

/**
 * OpenStack tags are a list of strings. A tag written `Zone=dmz` or `zone:dmz`
 * becomes the key-value tag the zone classification reads; a bare tag is kept
 * with an empty value.
 */
export function listTags(body: EvaluatedBody): Record<string, string> {
  const result: Record<string, string> = {};
  for (const element of elements(body, 'tags')) {
    if (typeof element.value !== 'string') continue;
    const match = /^([^=:]+)[=:](.*)$/.exec(element.value);
    if (match === null) result[element.value] = '';
    else result[match[1]!.trim()] = match[2]!.trim();
  }
  return result;
}
