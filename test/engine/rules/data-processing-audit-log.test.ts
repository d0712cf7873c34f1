import { describe, expect, it } from 'vitest';
import { designModel, designOrigin, runOnModel } from './organisation/design-model.ts';
import { ruleTable } from './engine-table.ts';

function database(engine: string, exports: string): string {
  return `resource "aws_db_instance" "customs" {
  engine         = "${engine}"
  instance_class = "db.t3.medium"
${exports}}
`;
}

/** A Cloud SQL instance with the given `database_flags` name/value pairs. */
function cloudSql(version: string, flags: Array<[string, string]>): string {
  const blocks = flags.map(([name, value]) => `    database_flags {\n      name  = "${name}"\n      value = "${value}"\n    }\n`).join('');
  return `resource "google_sql_database_instance" "customs" {
  database_version = "${version}"
  settings {
    tier = "db-custom-2-7680"
${blocks}  }
}
`;
}

ruleTable('data-processing-audit-log', {
  coveredElsewhere: ['not-evidenced'],
  valid: [
    { name: 'mysql exports its audit log', hcl: database('mysql', '  enabled_cloudwatch_logs_exports = ["audit", "error"]\n') },
    { name: 'postgres exports its log', hcl: database('postgres', '  enabled_cloudwatch_logs_exports = ["postgresql"]\n') },
    {
      name: 'cloud sql postgres runs pgaudit on reads and writes',
      hcl: cloudSql('POSTGRES_15', [['cloudsql.enable_pgaudit', 'on'], ['pgaudit.log', 'read, write']]),
    },
    { name: 'cloud sql mysql turns its audit plugin on', hcl: cloudSql('MYSQL_8_0', [['cloudsql_mysql_audit', 'ON']]) },
  ],
  invalid: [
    {
      name: 'mysql exports only errors',
      hcl: database('mysql', '  enabled_cloudwatch_logs_exports = ["error"]\n'),
      expected: [{ messageId: 'database-not-audited', address: 'aws_db_instance.customs', line: 4, data: { engine: 'mysql' } }],
    },
    {
      name: 'no export',
      hcl: database('postgres', ''),
      expected: [{ messageId: 'database-not-audited', address: 'aws_db_instance.customs', line: 2, data: { engine: 'postgres' } }],
    },
    {
      name: 'cloud sql pgaudit logs only DDL',
      hcl: cloudSql('POSTGRES_15', [['cloudsql.enable_pgaudit', 'on'], ['pgaudit.log', 'ddl']]),
      expected: [{ messageId: 'database-not-audited', address: 'google_sql_database_instance.customs', line: 2, data: { engine: 'postgres_15' } }],
    },
    {
      name: 'cloud sql pgaudit classes without the extension on',
      hcl: cloudSql('POSTGRES_15', [['pgaudit.log', 'all']]),
      expected: [{ messageId: 'database-not-audited', address: 'google_sql_database_instance.customs', line: 2, data: { engine: 'postgres_15' } }],
    },
  ],
});

describe('data-processing-audit-log on design files', () => {
  it('accepts an organisation-wide trail and reports a design without one', async () => {
    const model = designModel((evidence) => {
      evidence.auditTrails.push({ id: 'siem', events: ['data-processing'], scope: [], origin: designOrigin('audit.trails[0]', 90, ['events']) });
    });
    expect(await runOnModel(model, 'data-processing-audit-log')).toEqual([]);
    expect((await runOnModel(designModel(() => {}), 'data-processing-audit-log')).map((f) => f.messageId)).toEqual(['not-evidenced']);
  });
});
