import { ruleTable } from './engine-table.ts';

function image(owners: string, userData = 'yum install -y nginx'): string {
  return `data "aws_ami" "base" {
  most_recent = true
${owners}}

resource "aws_instance" "web" {
  ami       = data.aws_ami.base.id
  user_data = "${userData}"
}
`;
}

ruleTable('trusted-patch-source', {
  coveredElsewhere: ['field-unknown'],
  valid: [
    { name: 'canonical image', hcl: image('  owners = ["099720109477"]\n') },
    { name: 'literal image id', hcl: 'resource "aws_instance" "web" {\n  ami = "ami-0abc"\n}\n' },
  ],
  invalid: [
    {
      name: 'community publisher',
      hcl: image('  owners = ["amazon", "123456789012"]\n'),
      expected: [{ messageId: 'untrusted-owner', address: 'aws_instance.web', line: 7, data: { owners: '123456789012', image: 'data.aws_ami.base' }, restsOn: ['trustedImageOwners'] }],
    },
    {
      name: 'no owner',
      hcl: image(''),
      expected: [{ messageId: 'any-owner', address: 'aws_instance.web', line: 6 }],
    },
    {
      name: 'signature checks off',
      hcl: image('  owners = ["amazon"]\n', 'yum install -y --nogpgcheck agent'),
      expected: [{ messageId: 'unsigned-packages', address: 'aws_instance.web', line: 8, data: { setting: '--nogpgcheck' } }],
    },
  ],
});
