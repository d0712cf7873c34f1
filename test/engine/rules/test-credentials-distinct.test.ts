import { ruleTable } from './engine-table.ts';

function database(name: string, environment: string, password: string): string {
  return `resource "aws_db_instance" "${name}" {
  engine            = "postgres"
  instance_class    = "db.t3.micro"
  allocated_storage = 20
  username          = "app"
  password          = ${password}
  tags              = { Environment = "${environment}" }
}
`;
}

const VARIABLES = 'variable "db_password" {\n  type      = string\n  sensitive = true\n}\n\nvariable "test_db_password" {\n  type      = string\n  sensitive = true\n}\n\n';
const SECRET = 'data "aws_secretsmanager_secret_version" "db" {\n  secret_id = "prod/db"\n}\n\n';

ruleTable('test-credentials-distinct', {
  valid: [
    { name: 'a variable per environment', hcl: VARIABLES + database('prod', 'production', 'var.db_password') + database('test', 'test', 'var.test_db_password') },
    { name: 'two production databases sharing a secret', hcl: SECRET + database('a', 'prod', 'data.aws_secretsmanager_secret_version.db.secret_string') + database('b', 'production', 'data.aws_secretsmanager_secret_version.db.secret_string') },
    { name: 'untagged databases', hcl: VARIABLES + database('a', '', 'var.db_password').replace(/  tags.*\n/, '') + database('b', '', 'var.db_password').replace(/  tags.*\n/, '') },
    {
      name: 'a password chosen per instance key',
      hcl: `variable "passwords" {
  type = map(string)
  default = {}
}

resource "aws_db_instance" "db" {
  for_each          = { prod = "production", test = "test" }
  engine            = "postgres"
  instance_class    = "db.t3.micro"
  allocated_storage = 20
  password          = var.passwords[each.key]
  tags              = { Environment = each.value }
}
`,
    },
  ],
  invalid: [
    {
      name: 'test reads the production variable',
      hcl: VARIABLES + database('prod', 'production', 'var.db_password') + database('test', 'test', 'var.db_password'),
      expected: [{
        messageId: 'shared-password',
        address: 'aws_db_instance.test',
        line: 24,
        data: { environment: 'test', attribute: 'password', source: 'var.db_password', production: 'aws_db_instance.prod' },
      }],
    },
    {
      name: 'development reads the production secret',
      hcl: SECRET + database('prod', 'prod', 'data.aws_secretsmanager_secret_version.db.secret_string') + database('dev', 'dev', 'data.aws_secretsmanager_secret_version.db.secret_string'),
      expected: [{ messageId: 'shared-password', address: 'aws_db_instance.dev', line: 18, data: { environment: 'development', production: 'aws_db_instance.prod' } }],
    },
  ],
});
