import { ruleTable } from './engine-table.ts';

function database(name: string, engine: string, version: string, environment: string, extra = ''): string {
  return `resource "aws_db_instance" "${name}" {
  engine         = "${engine}"
  engine_version = ${version}
  instance_class = "db.t3.medium"
  tags           = { Environment = "${environment}" }
${extra}}
`;
}

ruleTable('patching-current', {
  valid: [
    { name: 'current postgres with a staging stage', hcl: database('prod', 'postgres', '"17.2"', 'production') + database('stage', 'postgres', '"17.2"', 'staging') },
    { name: 'production without automatic upgrades', hcl: database('prod', 'mariadb', '"11.4.3"', 'production', '  auto_minor_version_upgrade = false\n') },
  ],
  invalid: [
    {
      name: 'end-of-life mysql',
      hcl: database('legacy', 'mysql', '"5.7.44"', 'test'),
      expected: [{ messageId: 'end-of-life', address: 'aws_db_instance.legacy', line: 3, data: { product: 'mysql', version: '5.7.44', date: '2023-10-31' } }],
    },
    {
      name: 'production upgrades with no stage',
      hcl: database('prod', 'postgres', '"17.2"', 'prod'),
      expected: [{ messageId: 'untested-upgrade', address: 'aws_db_instance.prod', line: 3, data: { product: 'postgres' } }],
    },
    {
      name: 'version from a variable',
      hcl: 'variable "pg_version" {}\n' + database('stage', 'postgres', 'var.pg_version', 'staging'),
      expected: [{ messageId: 'field-unknown', address: 'aws_db_instance.stage', line: 4, status: 'unknown' }],
    },
  ],
});
