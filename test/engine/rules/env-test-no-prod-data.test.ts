import { ruleTable } from './engine-table.ts';

function estate(snapshotOf: string, restore: string): string {
  return `resource "aws_db_instance" "prod" {
  identifier     = "customs-prod"
  engine         = "postgres"
  instance_class = "db.m5.large"
  tags           = { Environment = "production" }
}

resource "aws_db_instance" "staging" {
  identifier     = "customs-staging"
  engine         = "postgres"
  instance_class = "db.t3.medium"
  tags           = { Environment = "staging" }
}

resource "aws_db_snapshot" "nightly" {
  db_instance_identifier = aws_db_instance.${snapshotOf}.identifier
  db_snapshot_identifier = "nightly"
}

resource "aws_db_instance" "test" {
  instance_class      = "db.t3.medium"
  snapshot_identifier = ${restore}
  tags                = { Environment = "test" }
}
`;
}

ruleTable('env-test-no-prod-data', {
  valid: [
    { name: 'restored from a staging snapshot', hcl: estate('staging', 'aws_db_snapshot.nightly.id') },
    { name: 'restored from a named anonymised snapshot', hcl: estate('staging', '"customs-masked-2024"') },
  ],
  invalid: [
    {
      name: 'restored from a production snapshot',
      hcl: estate('prod', 'aws_db_snapshot.nightly.id'),
      expected: [{ messageId: 'restores-production', address: 'aws_db_instance.test', line: 22, data: { source: 'aws_db_instance.prod', environment: 'test' } }],
    },
    {
      name: 'restored from a snapshot named production',
      hcl: estate('staging', '"customs-prod-2024-06-01"'),
      expected: [{ messageId: 'restores-production', address: 'aws_db_instance.test', line: 22, data: { source: 'customs-prod-2024-06-01' } }],
    },
  ],
});
