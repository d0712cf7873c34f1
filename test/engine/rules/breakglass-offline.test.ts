import { ruleTable } from './engine-table.ts';

function user(name: string, credential: string): string {
  return `resource "aws_iam_user" "account" {
  name = "${name}"
}

resource "${credential}" "credential" {
  user = aws_iam_user.account.name
}
`;
}

ruleTable('breakglass-offline', {
  valid: [
    { name: 'access key of a service user', hcl: user('ci-deployer', 'aws_iam_access_key') },
    { name: 'console password of a person', hcl: user('nguyen.van.a', 'aws_iam_user_login_profile') },
  ],
  invalid: [
    {
      name: 'access key of the break-glass user',
      hcl: user('breakglass', 'aws_iam_access_key'),
      expected: [{ messageId: 'privileged-access-key', address: 'aws_iam_access_key.credential', line: 6, data: { account: 'breakglass' } }],
    },
    {
      name: 'console password of the root user',
      hcl: user('root', 'aws_iam_user_login_profile'),
      expected: [{ messageId: 'privileged-password-managed', address: 'aws_iam_user_login_profile.credential', line: 6, data: { account: 'root' } }],
    },
  ],
});
