import type { ImageSource } from '../../model/evidence.ts';
import { locate } from '../../model/location.ts';
import type { Host } from '../../model/types.ts';
import { defineRule } from '../define-rule.ts';
import type { RuleContext } from '../types.ts';
import { factReport, knownField } from './organisation/facts.ts';

const OWNERS = 'trustedImageOwners';

/** Package-manager settings that install unsigned packages. */
const UNSIGNED = /gpgcheck\s*=\s*0|--nogpgcheck|--allow-unauthenticated|\[trusted=yes\]|--no-gpg-checks/;

/**
 * Images and packages come from the vendor or a trusted source: an image
 * looked up through `data.aws_ami` names only allow-listed owners, and no
 * host script turns off package signature checks.
 */
export default defineRule({
  id: 'trusted-patch-source',
  check(context) {
    const trusted = new Set(stringList(context.meta.parameters[OWNERS]));
    for (const source of context.model.evidence?.imageSources ?? []) checkImage(context, source, trusted);
    for (const host of context.model.hosts) checkScript(context, host);
  },
});

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function checkImage(context: RuleContext, source: ImageSource, trusted: Set<string>): void {
  const owners = knownField(context, source, { paths: ['ami', 'image_id'], value: source.owners });
  if (owners === undefined) return;
  const untrusted = owners.filter((owner) => !trusted.has(owner));
  if (owners.length > 0 && untrusted.length === 0) return;
  context.report({
    ...factReport(source, ['ami', 'image_id']),
    status: 'fail',
    messageId: owners.length === 0 ? 'any-owner' : 'untrusted-owner',
    data: { subject: source.subject, image: source.image, owners: untrusted.join(', ') },
    detail: `image:${source.image}:${untrusted.join(',')}`,
    restsOn: [OWNERS],
  });
}

function checkScript(context: RuleContext, host: Host): void {
  const setting = host.userData === undefined || host.kind === 'autoscaling-group' ? undefined : UNSIGNED.exec(host.userData)?.[0];
  if (setting === undefined) return;
  const attribute = host.origin.attributes['user_data'] ? 'user_data' : 'user_data_base64';
  context.report({
    status: 'fail',
    messageId: 'unsigned-packages',
    data: { subject: host.id, attribute, setting },
    address: host.id,
    origin: host.origin,
    location: locate(host.origin, attribute),
    detail: `unsigned:${setting}`,
  });
}
