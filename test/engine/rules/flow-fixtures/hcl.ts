/** HCL building blocks shared by the flow rule tables. */

export const ZONED_SUBNETS = `resource "aws_subnet" "dmz" {
  vpc_id     = "vpc-1"
  cidr_block = "10.0.1.0/24"
  tags       = { Zone = "dmz" }
}

resource "aws_subnet" "app" {
  vpc_id     = "vpc-1"
  cidr_block = "10.0.20.0/24"
  tags       = { Zone = "internal" }
}

resource "aws_subnet" "mgmt" {
  vpc_id     = "vpc-1"
  cidr_block = "10.50.0.0/24"
  tags       = { Zone = "management" }
}

resource "aws_subnet" "users" {
  vpc_id     = "vpc-1"
  cidr_block = "10.0.40.0/24"
  tags       = { Zone = "user-wired" }
}
`;

/** Writes a group `name` tagged with `zone` that contains one ingress block. */
export function groupWithIngress(name: string, zone: string, ingress: string): string {
  return `resource "aws_security_group" "${name}" {
  name   = "${name}"
  vpc_id = "vpc-1"
  tags   = { Zone = "${zone}" }

  ingress {
${ingress}
  }
}
`;
}

/** Writes the body of an ingress block. */
export function ingress(protocol: string, from: number, to: number, cidrs: string[]): string {
  return `    protocol    = "${protocol}"
    from_port   = ${from}
    to_port     = ${to}
    cidr_blocks = [${cidrs.map((cidr) => `"${cidr}"`).join(', ')}]`;
}
