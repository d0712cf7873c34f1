import { ruleTable } from './engine-table.ts';

function database(password: string): string {
  return `resource "aws_db_instance" "db" {
  engine   = "postgres"
  username = "dbadmin"
  password = ${password}
}
`;
}

function parameter(name: string, type: string): string {
  return `resource "aws_ssm_parameter" "p" {
  name  = "${name}"
  type  = ${type}
  value = "x"
}
`;
}

ruleTable('secrets-not-plaintext', {
  valid: [
    {
      name: 'password from Secrets Manager',
      hcl: 'data "aws_secretsmanager_secret_version" "db" {\n  secret_id = "db"\n}\n' +
        database('jsondecode(data.aws_secretsmanager_secret_version.db.secret_string)["password"]'),
    },
    { name: 'generated password', hcl: 'resource "random_password" "db" {\n  length = 24\n}\n' + database('random_password.db.result') },
    { name: 'managed by the service', hcl: 'resource "aws_db_instance" "db" {\n  manage_master_user_password = true\n}\n' },
    { name: 'literal password is another rule\'s finding', hcl: database('"vK9#mQ2$zL7!pW4x"') },
    { name: 'secure string parameter', hcl: parameter('/app/db_password', '"SecureString"') },
    { name: 'plain parameter without a secret name', hcl: parameter('/app/log_level', '"String"') },
    {
      name: 'variables accepted by configuration',
      hcl: 'variable "db_password" {}\n' + database('var.db_password'),
      config: { rules: { 'secrets-not-plaintext': { parameters: { acceptVariables: true } } } },
    },
  ],
  invalid: [
    {
      name: 'password from an input variable',
      hcl: 'variable "db_password" {}\n' + database('var.db_password'),
      expected: [
        {
          messageId: 'from-variable',
          address: 'aws_db_instance.db',
          line: 5,
          data: { attribute: 'password', source: 'var.db_password' },
          restsOn: ['acceptVariables'],
        },
      ],
    },
    {
      name: 'password from an untraced data source',
      hcl: 'data "external" "pw" {\n  program = ["x"]\n}\n' + database('data.external.pw.result["p"]'),
      expected: [
        { messageId: 'untraced', address: 'aws_db_instance.db', line: 7, status: 'unknown', data: { source: 'data.external.pw.result["p"]' } },
      ],
    },
    {
      name: 'secret in a String parameter',
      hcl: parameter('/app/DB_PASSWORD', '"String"'),
      expected: [
        { messageId: 'plaintext-parameter', address: 'aws_ssm_parameter.p', line: 3, data: { name: '/app/DB_PASSWORD' }, restsOn: ['secretNames'] },
      ],
    },
    {
      name: 'parameter type from a variable',
      hcl: 'variable "kind" {}\n' + parameter('/app/api_token', 'var.kind'),
      expected: [
        { messageId: 'parameter-type-unknown', address: 'aws_ssm_parameter.p', line: 4, status: 'unknown', data: { name: '/app/api_token' } },
      ],
    },
  ],
});
