import type { ResourceInstance } from '../../../../loaders/terraform/types.ts';
import type { AuthFactor } from '../../../evidence.ts';
import { Unknown, isUnknown, type Known } from '../../../unknown.ts';
import { nested, origin, str } from '../../body.ts';
import type { MappingContext } from '../../context.ts';
import type { ResourceMapper } from '../../registry.ts';
import { evidenceOf } from './record.ts';

/**
 * A Client VPN endpoint is an encrypted remote-access channel. Its
 * `authentication_options` give the factors: a client certificate proves
 * possession, Active Directory asks for a password, and a federated (SAML)
 * log-on has whatever factors the identity provider asks for, which the code
 * does not show.
 */
const FACTORS: Record<string, AuthFactor> = {
  'certificate-authentication': 'certificate',
  'directory-service-authentication': 'password',
};

function mapClientVpn(instance: ResourceInstance, context: MappingContext): void {
  evidenceOf(context).remoteAccess.push({
    id: instance.address,
    kind: 'vpn',
    encrypted: true,
    encryption: 'TLS',
    factors: factorsOf(instance),
    origin: origin(instance),
  });
}

function factorsOf(instance: ResourceInstance): Known<AuthFactor[]> {
  const factors: AuthFactor[] = [];
  for (const option of nested(instance.body, 'authentication_options')) {
    const type = str(option.body, 'type');
    if (type === undefined) continue;
    if (isUnknown(type)) return type;
    const factor = FACTORS[type];
    if (factor === undefined) return new Unknown('decided by the federated identity provider', type);
    if (!factors.includes(factor)) factors.push(factor);
  }
  return factors;
}

export const remoteAccessMappers: Record<string, ResourceMapper> = {
  aws_ec2_client_vpn_endpoint: mapClientVpn,
};
