import { groupWithIngress, ingress, ZONED_SUBNETS } from './flow-fixtures/hcl.ts';
import { ruleTables } from './flow-fixtures/table.ts';

const net = { 'net.tf': ZONED_SUBNETS };

function group(protocol: string, from: number, to: number, cidrs: string[]) {
  return { ...net, 'main.tf': groupWithIngress('sg', 'internal', ingress(protocol, from, to, cidrs)) };
}

/** Writes an app host with a group and a user desktop with `desktopGroups`, in the same site. */
function hosts(desktopGroups: string): string {
  return `resource "aws_security_group" "app" {
  name   = "app"
  vpc_id = "vpc-1"
}

resource "aws_instance" "app" {
  ami                    = "ami-1"
  instance_type          = "t3.micro"
  subnet_id              = aws_subnet.app.id
  vpc_security_group_ids = [aws_security_group.app.id]
}

resource "aws_instance" "desktop" {
  ami           = "ami-1"
  instance_type = "t3.micro"
  subnet_id     = aws_subnet.users.id
${desktopGroups}
}
`;
}

ruleTables(
  'zone-firewall-between',
  [
    { name: 'one port from another zone', files: group('tcp', 5432, 5432, ['10.0.1.0/24']) },
    { name: 'allow all inside the zone', files: group('-1', 0, 0, ['10.0.20.0/24']) },
    { name: 'every host carries a group', files: { ...net, 'main.tf': hosts('  vpc_security_group_ids = [aws_security_group.app.id]') } },
  ],
  [
    {
      name: 'allow all from the DMZ',
      files: group('-1', 0, 0, ['10.0.1.0/24']),
      expected: [{ messageId: 'allow-all', address: 'aws_security_group.sg', at: 'main.tf:10', data: { pairs: 'dmz -> internal' } }],
    },
    {
      name: 'allow all from the whole site',
      files: group('all', 0, 0, ['10.0.0.0/8']),
      expected: [{ messageId: 'allow-all', address: 'aws_security_group.sg', at: 'main.tf:10', data: { pairs: 'dmz -> internal, management -> internal, user-wired -> internal' } }],
    },
    {
      name: 'desktop without any group',
      files: { ...net, 'main.tf': hosts('') },
      expected: [{ messageId: 'uncontrolled-pair', address: 'aws_subnet.users', at: 'net.tf:19', data: { zone: 'user-wired', zones: 'internal', hosts: 'aws_instance.desktop' } }],
    },
  ],
);
