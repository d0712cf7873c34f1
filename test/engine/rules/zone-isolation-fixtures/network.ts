/** HCL of a VPC with zoned subnets and their routes, for the zone-isolation rule tables. */

export interface SubnetSpec {
  name: string;
  cidr: string;
  zone?: string;
  /** The target line of a 0.0.0.0/0 route: `gateway_id = ...`; no route table when absent. */
  route?: string;
}

export const IGW = 'gateway_id = aws_internet_gateway.main.id';
export const NAT = 'nat_gateway_id = aws_nat_gateway.egress.id';
export const VPN = 'gateway_id = aws_vpn_gateway.wan.id';

/** The subnets most tables start from: a zone of each kind the rules compare. */
export const BASE_SUBNETS: SubnetSpec[] = [
  { name: 'dmz', cidr: '10.0.1.0/24', zone: 'dmz', route: IGW },
  { name: 'egress', cidr: '10.0.2.0/24', zone: 'internet-access', route: IGW },
  { name: 'app', cidr: '10.0.20.0/24', zone: 'internal' },
  { name: 'mgmt', cidr: '10.50.0.0/24', zone: 'management' },
];

/** Writes the VPC, its gateways, the subnets and a route table for each subnet with a route. */
export function network(subnets: readonly SubnetSpec[]): string {
  const parts = [
    `resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/8"
}

resource "aws_internet_gateway" "main" {
  vpc_id = aws_vpc.main.id
}

resource "aws_nat_gateway" "egress" {
  subnet_id = aws_subnet.egress.id
}

resource "aws_vpn_gateway" "wan" {
  vpc_id = aws_vpc.main.id
}
`,
  ];
  for (const subnet of subnets) parts.push(subnetHcl(subnet));
  return parts.join('\n');
}

function subnetHcl(subnet: SubnetSpec): string {
  const tags = subnet.zone === undefined ? '' : `\n  tags       = { Zone = "${subnet.zone}" }`;
  const text = `resource "aws_subnet" "${subnet.name}" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "${subnet.cidr}"${tags}
}
`;
  if (subnet.route === undefined) return text;
  return `${text}
resource "aws_route_table" "${subnet.name}" {
  vpc_id = aws_vpc.main.id
  route {
    cidr_block = "0.0.0.0/0"
    ${subnet.route}
  }
}

resource "aws_route_table_association" "${subnet.name}" {
  subnet_id      = aws_subnet.${subnet.name}.id
  route_table_id = aws_route_table.${subnet.name}.id
}
`;
}

/** A security group tagged `zone` whose one ingress block admits `cidrs`, carried by no host. */
export function ingressGroup(name: string, zone: string, rule: { protocol: string; from: number; to: number; cidrs: string[] }): string {
  return `resource "aws_security_group" "${name}" {
  name   = "${name}"
  vpc_id = aws_vpc.main.id
  tags   = { Zone = "${zone}" }

  ingress {
    protocol    = "${rule.protocol}"
    from_port   = ${rule.from}
    to_port     = ${rule.to}
    cidr_blocks = [${rule.cidrs.map((cidr) => `"${cidr}"`).join(', ')}]
  }
}
`;
}

/** An instance in `subnet` with the given tags and optional extra attribute lines. */
export function instance(name: string, subnet: string, tags: Record<string, string>, extra = ''): string {
  const written = Object.entries(tags).map(([key, value]) => `${key} = "${value}"`).join(', ');
  return `resource "aws_instance" "${name}" {
  ami           = "ami-1"
  instance_type = "t3.micro"
  subnet_id     = aws_subnet.${subnet}.id
  tags          = { ${written} }${extra}
}
`;
}
