import type { DesignSuppression } from '../../loaders/design/types.ts';

/**
 * Converts the `suppressions` of a design site, zone or server into
 * `zoneguard:ignore` tags, so that engine/suppressions/tag-directives.ts reads
 * them as it reads the tags of other front ends. A tag key has one value, so
 * the first entry takes the plain key and later entries are numbered.
 */
export function suppressionTags(entries: DesignSuppression[] | undefined): Record<string, string> {
  const tags: Record<string, string> = {};
  (entries ?? []).forEach((entry, index) => {
    const key = index === 0 ? 'zoneguard:ignore' : `zoneguard:ignore:${index + 1}`;
    tags[key] = suppressionText(entry);
  });
  return tags;
}

/** Formats an entry as tag text: `rule -- reason, approved by someone, until 2027-06-30`. */
function suppressionText(entry: DesignSuppression): string {
  const approver = entry.approver ? `, approved by ${entry.approver}` : '';
  const until = entry.expires ? `, until ${entry.expires}` : '';
  return `${entry.rule} -- ${entry.reason}${approver}${until}`;
}
