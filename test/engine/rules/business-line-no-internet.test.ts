import { ruleTables } from './flow-fixtures/table.ts';
import { BASE_SUBNETS, IGW, ingressGroup, instance, NAT, network } from './zone-isolation-fixtures/network.ts';

const MARKED = { BusinessLine: 'true' };

function hostIn(route: string | undefined, tags: Record<string, string>, extra = '') {
  return {
    'net.tf': network([...BASE_SUBNETS, { name: 'vault', cidr: '10.0.30.0/24', zone: 'internal', ...(route ? { route } : {}) }]),
    'main.tf': instance('archive', 'vault', tags, extra),
  };
}

ruleTables(
  'business-line-no-internet',
  [
    { name: 'business-line host in a closed segment', files: hostIn(undefined, MARKED) },
    { name: 'unmarked host behind NAT', files: hostIn(NAT, { BusinessLine: 'false' }) },
  ],
  [
    {
      name: 'business-line host behind NAT',
      files: hostIn(NAT, MARKED),
      expected: [{ messageId: 'internet-path', address: 'aws_instance.archive', at: 'main.tf:5', data: { mark: 'BusinessLine = "true"', paths: 'route 0.0.0.0/0 -> aws_nat_gateway.egress.id in aws_route_table.vault for aws_subnet.vault' } }],
    },
    {
      name: 'business-line host with a public address on a gateway route',
      files: hostIn(IGW, MARKED, '\n  associate_public_ip_address = true'),
      expected: [{ messageId: 'internet-path', address: 'aws_instance.archive', at: 'main.tf:5', data: { paths: 'a public address; route 0.0.0.0/0 -> aws_internet_gateway.main.id in aws_route_table.vault for aws_subnet.vault' } }],
    },
    {
      name: 'business-line host admitted to the proxy',
      files: {
        ...hostIn(undefined, MARKED),
        'proxy.tf': ingressGroup('proxy', 'internet-access', { protocol: 'tcp', from: 3128, to: 3128, cidrs: ['10.0.30.0/24'] }),
      },
      expected: [{ messageId: 'internet-path', address: 'aws_instance.archive', at: 'main.tf:5', data: { paths: 'aws_security_group.proxy ingress[0], which admits it into the internet-access zone' } }],
    },
    {
      name: 'business-line host in a network without route tables',
      files: { 'main.tf': `resource "aws_subnet" "vault" {
  vpc_id     = "vpc-1"
  cidr_block = "10.0.30.0/24"
  tags       = { Zone = "internal" }
}

${instance('archive', 'vault', MARKED)}` },
      expected: [{ messageId: 'internet-unknown', status: 'unknown', address: 'aws_instance.archive', at: 'main.tf:11', data: { expression: 'routes of aws_subnet.vault' } }],
    },
  ],
);
