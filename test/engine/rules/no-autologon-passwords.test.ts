import { describe, expect, it } from 'vitest';
import { findEmbeddedPasswords } from '../../../src/engine/rules/organisation/embedded-passwords.ts';
import { ruleTable } from './engine-table.ts';

function instance(script: string): string {
  return `resource "aws_instance" "app" {
  ami       = "ami-123"
  user_data = <<-EOT
${script}
  EOT
}
`;
}

ruleTable('no-autologon-passwords', {
  valid: [
    { name: 'password read from the secret store at run time', hcl: instance('    echo "admin:$(aws secretsmanager get-secret-value --secret-id a)" | chpasswd') },
    { name: 'password from an environment variable', hcl: instance('    PGPASSWORD=$DB_PASSWORD psql -h db') },
    { name: 'no log-on step', hcl: instance('    yum install -y nginx') },
  ],
  invalid: [
    {
      name: 'chpasswd with a literal',
      hcl: instance('    #!/bin/bash\n    echo "admin:S3cretPass" | chpasswd'),
      expected: [
        { messageId: 'embedded-password', address: 'aws_instance.app', line: 3, data: { attribute: 'user_data', step: 'chpasswd', line: 2 } },
      ],
    },
    {
      name: 'Windows auto log-on in an SSM document',
      hcl: `resource "aws_ssm_document" "logon" {
  name          = "autologon"
  document_type = "Command"
  content       = <<-EOT
    Set-ItemProperty -Path 'HKLM:\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon' -Name DefaultPassword -Value 'Adm1nPass'
  EOT
}
`,
      expected: [
        { messageId: 'embedded-password', address: 'aws_ssm_document.logon', line: 4, data: { attribute: 'content', step: 'Winlogon DefaultPassword', line: 1 } },
      ],
    },
  ],
});

describe('findEmbeddedPasswords', () => {
  it.each([
    ['sshpass -p hunter22 ssh admin@db', 'sshpass -p'],
    ['mysql -u root --password=hunter22 app', 'command-line --password'],
    ['MYSQL_PWD=hunter22 mysqldump app', 'PGPASSWORD or MYSQL_PWD'],
    ['$p = ConvertTo-SecureString "hunter22" -AsPlainText -Force', 'ConvertTo-SecureString -AsPlainText'],
    ['net user svc hunter22 /add', 'net user'],
    ['  plain_text_passwd: hunter22', 'cloud-init password'],
    ['echo hunter22 | passwd --stdin admin', 'passwd --stdin'],
  ])('finds %s', (line, step) => {
    expect(findEmbeddedPasswords(`#!/bin/sh\n${line}`)).toEqual([{ step, line: 2 }]);
  });

  it.each([
    'sshpass -p "$SSHPASS" ssh admin@db',
    'net user svc * /add',
    '  password: {{ssm:/app/pw}}',
    'echo "PasswordAuthentication no" >> /etc/ssh/sshd_config',
  ])('ignores %s', (line) => {
    expect(findEmbeddedPasswords(line)).toEqual([]);
  });
});
