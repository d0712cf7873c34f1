// The zoneguard CrossGuard policy pack: Regulation 2926/QĐ-TCHQ network
// zoning checks during `pulumi preview --policy-pack <this folder>`.
// Constructing a PolicyPack starts the gRPC server the Pulumi CLI talks to,
// so the policies themselves live in policies.ts, where tests call them.
import { PolicyPack } from '@pulumi/policy';
import { zoneguardPolicies } from './policies.ts';

new PolicyPack('zoneguard-tchq-2926', {
  description: 'Network zoning rules of Regulation 2926/QĐ-TCHQ (Vietnam Customs IT security), checked by zoneguard.',
  policies: zoneguardPolicies(),
});
