import { describe, expect, it } from 'vitest';
import { runOnHcl } from '../harness.ts';

const NETWORK = `resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_subnet" "dmz" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.0.1.0/24"
  tags       = { Zone = "dmz" }
}

resource "aws_lb" "portal" {
  internal = false
  subnets  = [aws_subnet.dmz.id]
}

resource "aws_lb_target_group" "web" {
  port     = 443
  protocol = "HTTPS"
  vpc_id   = aws_vpc.main.id
}

resource "aws_lb_listener" "https" {
  load_balancer_arn = aws_lb.portal.arn
  port              = 443
  protocol          = "HTTPS"
  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.web.arn
  }
}
`;

function group(minSize: string): string {
  return `
resource "aws_autoscaling_group" "web" {
  min_size            = ${minSize}
  max_size            = 4
  vpc_zone_identifier = [aws_subnet.dmz.id]
  target_group_arns   = [aws_lb_target_group.web.arn]
  tags                = [{ key = "Role", value = "web", propagate_at_launch = true }]
}
`;
}

const LONE_WEB = `
resource "aws_instance" "web" {
  ami                         = "ami-123"
  instance_type               = "t3.micro"
  subnet_id                   = aws_subnet.dmz.id
  associate_public_ip_address = true
  tags                        = { Role = "web" }
}
`;

/** The 1-based line of `hcl` that holds `needle`. */
function lineOf(hcl: string, needle: string): number {
  return hcl.split('\n').findIndex((line) => line.includes(needle)) + 1;
}

async function findings(hcl: string) {
  const run = await runOnHcl({ 'main.tf': hcl }, { ruleIds: ['portal-load-balanced'] });
  return run.findings.map((finding) => [finding.messageId, finding.address, finding.location.range?.startLine, finding.status]);
}

describe('portal-load-balanced', () => {
  it('passes an autoscaling group of at least two behind the load balancer', async () => {
    expect(await findings(NETWORK + group('2'))).toEqual([]);
  });

  it('passes a module without a portal', async () => {
    expect(await findings('resource "aws_vpc" "main" {\n  cidr_block = "10.0.0.0/16"\n}\n')).toEqual([]);
  });

  const invalid = [
    { name: 'a group of one behind the load balancer', hcl: NETWORK + group('1'), expected: [['too-few-instances', 'aws_lb.portal', lineOf(NETWORK, '"aws_lb" "portal"'), 'fail']] },
    { name: 'a group size from a variable', hcl: NETWORK + group('var.size') + 'variable "size" {}\n', expected: [['capacity-unknown', 'aws_lb.portal', lineOf(NETWORK, '"aws_lb" "portal"'), 'unknown']] },
    { name: 'a public web server on its own', hcl: NETWORK + group('2') + LONE_WEB, expected: [['not-load-balanced', 'aws_instance.web', lineOf(NETWORK + group('2') + LONE_WEB, '"aws_instance" "web"'), 'fail']] },
  ];
  for (const { name, hcl, expected } of invalid) {
    it(`reports ${name}`, async () => {
      expect(await findings(hcl)).toEqual(expected);
    });
  }
});
