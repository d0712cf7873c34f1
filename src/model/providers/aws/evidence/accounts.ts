import type { ResourceInstance } from '../../../../loaders/terraform/types.ts';
import { isUnknown } from '../../../unknown.ts';
import { attr, origin, str } from '../../body.ts';
import type { MappingContext } from '../../context.ts';
import type { ResourceMapper } from '../../registry.ts';
import { evidenceOf, pushOptional } from './record.ts';

/**
 * IAM users and their long-lived credentials. A user named like the root or
 * break-glass account is privileged: its password belongs in a safe, and an
 * access key on it lets automation run with that privilege.
 */
const PRIVILEGED_NAME = /^(root|breakglass|break-glass|break_glass|emergency(?:[-_]admin)?|master)$/i;

/** The user a credential belongs to, as written: the literal name or the reference. */
function userOf(instance: ResourceInstance): string | undefined {
  const user = attr(instance.body, 'user');
  if (user === undefined) return undefined;
  const value = str(instance.body, 'user');
  if (isUnknown(value)) return value.origin;
  return value;
}

function privileged(user: string, context: MappingContext): boolean {
  if (PRIVILEGED_NAME.test(user)) return true;
  const named = context.lookup<string>('aws-iam-user-names').get(user.replace(/\.name$/, ''));
  return named !== undefined && PRIVILEGED_NAME.test(named);
}

function mapCredential(kind: 'access-key' | 'console-password'): ResourceMapper {
  return (instance, context) => {
    const user = userOf(instance);
    if (user === undefined) return;
    const credentialOrigin = origin(instance);
    context.afterMapping('derive', () => {
      pushOptional(evidenceOf(context), 'accountCredentials', {
        account: user,
        kind,
        privileged: privileged(user, context),
        origin: credentialOrigin,
      });
    });
  };
}

function mapUser(instance: ResourceInstance, context: MappingContext): void {
  const name = str(instance.body, 'name');
  if (typeof name !== 'string') return;
  context.lookup<string>('aws-iam-user-names').set(instance.address, name);
  pushOptional(evidenceOf(context), 'userAccounts', { name, origin: origin(instance) });
}

export const accountMappers: Record<string, ResourceMapper> = {
  aws_iam_user: mapUser,
  aws_iam_access_key: mapCredential('access-key'),
  aws_iam_user_login_profile: mapCredential('console-password'),
};
