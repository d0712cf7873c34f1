import { ruleTables } from './flow-fixtures/table.ts';
import { BASE_SUBNETS, instance, network } from './zone-isolation-fixtures/network.ts';

/** A group admitting `protocol` `from`-`to` from the DMZ, carried by an app host with `services`. */
function host(protocol: string, from: number, to: number, services?: string) {
  const tags: Record<string, string> = services === undefined ? { Name: 'app' } : { Services: services };
  return {
    'net.tf': network(BASE_SUBNETS),
    'main.tf': `resource "aws_security_group" "app" {
  name   = "app"
  vpc_id = aws_vpc.main.id

  ingress {
    protocol    = "${protocol}"
    from_port   = ${from}
    to_port     = ${to}
    cidr_blocks = ["10.0.1.0/24"]
  }
}

${instance('app', 'app', tags, '\n  vpc_security_group_ids = [aws_security_group.app.id]')}`,
  };
}

ruleTables(
  'service-unused-port',
  [
    { name: 'https to a host that declares it', files: host('tcp', 443, 443, 'https:443/tcp') },
    { name: 'a range the declared services cover', files: host('tcp', 8080, 8081, 'api:8080/tcp, metrics:8081/tcp') },
    { name: 'a host that declares nothing', files: host('tcp', 0, 65535) },
    { name: 'icmp to a declaring host', files: host('icmp', -1, -1, 'https:443/tcp') },
  ],
  [
    {
      name: 'ssh beside the declared https',
      files: host('tcp', 22, 22, 'https:443/tcp'),
      expected: [{ messageId: 'undeclared-port', address: 'aws_security_group.app', at: 'main.tf:9', data: { traffic: 'tcp 22', services: 'https tcp 443', targets: 'aws_instance.app' } }],
    },
    {
      name: 'every protocol to a web host',
      files: host('-1', 0, 0, 'https:443/tcp'),
      expected: [{ messageId: 'undeclared-port', address: 'aws_security_group.app', at: 'main.tf:9', data: { traffic: 'tcp 0-442, 444-65535, udp all ports' } }],
    },
  ],
);
