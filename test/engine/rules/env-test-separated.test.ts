import { describe, expect, it } from 'vitest';
import { designModel, designOrigin, runOnModel } from './organisation/design-model.ts';
import { ruleTable } from './engine-table.ts';

function estate(testSubnet: string, testGroup: string): string {
  return `resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_subnet" "prod" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.0.1.0/24"
}

resource "aws_subnet" "test" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.0.2.0/24"
}

resource "aws_security_group" "prod" {
  vpc_id = aws_vpc.main.id
}

resource "aws_security_group" "test" {
  vpc_id = aws_vpc.main.id
}

resource "aws_instance" "app_prod" {
  ami                    = "ami-123"
  subnet_id              = aws_subnet.prod.id
  vpc_security_group_ids = [aws_security_group.prod.id]
  tags                   = { Environment = "prod" }
}

resource "aws_instance" "app_test" {
  ami                    = "ami-123"
  subnet_id              = aws_subnet.${testSubnet}.id
  vpc_security_group_ids = [aws_security_group.${testGroup}.id]
  tags                   = { Environment = "test" }
}
`;
}

ruleTable('env-test-separated', {
  coveredElsewhere: ['shared-domain'],
  valid: [{ name: 'separate subnets and groups', hcl: estate('test', 'test') }],
  invalid: [
    {
      name: 'test instance in the production subnet',
      hcl: estate('prod', 'test'),
      expected: [{ messageId: 'shared-segment', address: 'aws_subnet.prod', line: 5, data: { production: 'aws_instance.app_prod', other: 'aws_instance.app_test', environment: 'test' } }],
    },
    {
      name: 'test instance in the production security group',
      hcl: estate('test', 'prod'),
      expected: [{ messageId: 'shared-group', address: 'aws_security_group.prod', line: 15, severity: 'low', restsOn: ['separateNetworks'] }],
    },
  ],
});

describe('env-test-separated on design files', () => {
  it('reports a test system under the production domain', async () => {
    const model = designModel((evidence) => {
      evidence.environments.push({ resourceId: 'vnaccs', environment: 'production', domain: 'vnaccs.customs.gov.vn', origin: designOrigin('environments[0]', 20, ['domain']) });
      evidence.environments.push({ resourceId: 'vnaccs-uat', environment: 'test', domain: 'vnaccs.customs.gov.vn', origin: designOrigin('environments[1]', 25, ['domain']) });
      evidence.environments.push({ resourceId: 'vnaccs-dev', environment: 'development', domain: 'dev.vnaccs.customs.gov.vn', origin: designOrigin('environments[2]', 30, ['domain']) });
    });
    const findings = await runOnModel(model, 'env-test-separated');
    expect(findings.map((f) => [f.messageId, f.address, f.location.range?.startLine])).toEqual([['shared-domain', 'vnaccs-uat', 26]]);
  });
});
