import type { EvaluatedBody, ResourceInstance, Value } from '../../../../loaders/terraform/types.ts';
import type { UserAccount } from '../../../evidence.ts';
import { isUnknown } from '../../../unknown.ts';
import { attr, elements, nested, str, tags } from '../../body.ts';
import type { MappingContext } from '../../context.ts';
import { dataSourceAt } from '../../data-sources.ts';
import type { ResourceMapper } from '../../registry.ts';
import { evidenceOf } from './record.ts';

/**
 * Which IAM users need high security and whether their log-on requires MFA.
 * A user needs high security when a tag says so (`Security = high`,
 * `HighSecurity = true`). MFA is required when a policy that tests
 * `aws:MultiFactorAuthPresent` is attached to the user or to a group the
 * user belongs to. Users and groups are keyed by their literal name or, for a
 * reference (`aws_iam_user.alice.name`), by the block address; both keys are tried.
 */
const HIGH_SECURITY_TAG = /^(high|critical|true|yes)$/i;
const HIGH_SECURITY_KEYS = ['security', 'securitylevel', 'highsecurity', 'classification'];

const USERS = 'aws-mfa-users';
const MFA_SUBJECTS = 'aws-mfa-subjects';
const MFA_POLICIES = 'aws-mfa-policies';
const MEMBERS = 'aws-mfa-members';

/** Returns the key of a user or group argument: the literal name, or the address of the referenced block. */
function keyOf(value: Value | undefined): string | undefined {
  if (typeof value === 'string') return value;
  if (isUnknown(value)) return value.ref?.address.replace(/\.(name|id|arn)$/, '') ?? value.origin.replace(/\.(name|id|arn)$/, '');
  return undefined;
}

/** Checks whether a policy document, as text or an `aws_iam_policy_document`, tests for MFA. */
function testsMfa(value: Value | undefined, context: MappingContext): boolean {
  if (typeof value === 'string') return /MultiFactorAuth(Present|Age)/.test(value);
  if (!isUnknown(value)) return false;
  const address = (value.ref?.address ?? value.origin).replace(/\.json$/, '');
  const document = dataSourceAt(context, address);
  return document !== undefined && conditionsOf(document.body).some((variable) => /MultiFactorAuth(Present|Age)/.test(variable));
}

function conditionsOf(body: EvaluatedBody): string[] {
  return nested(body, 'statement').flatMap((statement) =>
    nested(statement.body, 'condition').map((condition) => String(str(condition.body, 'variable') ?? '')),
  );
}

function mapUser(instance: ResourceInstance, context: MappingContext): void {
  const written = Object.entries(tags(instance.body)).find(([key]) => HIGH_SECURITY_KEYS.includes(key.toLowerCase()));
  const name = str(instance.body, 'name');
  context.lookup<{ name?: string; high: boolean }>(USERS).set(instance.address, {
    ...(typeof name === 'string' ? { name } : {}),
    high: written !== undefined && HIGH_SECURITY_TAG.test(written[1].trim()),
  });
  context.afterMapping('derive', () => deriveUser(instance.address, context));
}

/** Marks the user or group of an inline policy that tests for MFA. */
function mapInlinePolicy(subjectArgument: 'user' | 'group'): ResourceMapper {
  return (instance, context) => {
    const subject = keyOf(attr(instance.body, subjectArgument)?.value);
    if (subject !== undefined && testsMfa(attr(instance.body, 'policy')?.value, context)) context.lookup<boolean>(MFA_SUBJECTS).set(subject, true);
  };
}

/** Marks the user or group of a policy attachment once every policy has been read. */
function mapAttachment(subjectArgument: 'user' | 'group'): ResourceMapper {
  return (instance, context) => {
    const subject = keyOf(attr(instance.body, subjectArgument)?.value);
    const policy = keyOf(attr(instance.body, 'policy_arn')?.value);
    if (subject === undefined || policy === undefined) return;
    context.afterMapping('resolve', () => {
      if (context.lookup<boolean>(MFA_POLICIES).get(policy) === true) context.lookup<boolean>(MFA_SUBJECTS).set(subject, true);
    });
  };
}

function mapPolicy(instance: ResourceInstance, context: MappingContext): void {
  if (testsMfa(attr(instance.body, 'policy')?.value, context)) context.lookup<boolean>(MFA_POLICIES).set(instance.address, true);
}

/** `aws_iam_user_group_membership` (one user, many groups) and `aws_iam_group_membership` (one group, many users). */
function mapMembership(userArgument: 'user' | 'users', groupArgument: 'groups' | 'group'): ResourceMapper {
  return (instance, context) => {
    const users = elements(instance.body, userArgument).map((element) => keyOf(element.value));
    const groups = elements(instance.body, groupArgument).map((element) => keyOf(element.value));
    const members = context.lookup<string[]>(MEMBERS);
    for (const user of users) {
      if (user !== undefined) members.set(user, [...(members.get(user) ?? []), ...groups.filter((group): group is string => group !== undefined)]);
    }
  };
}

function deriveUser(address: string, context: MappingContext): void {
  const user = context.lookup<{ name?: string; high: boolean }>(USERS).get(address);
  const account = evidenceOf(context).userAccounts?.find((entry) => entry.origin.address === address);
  if (user === undefined || account === undefined) return;
  const keys = [address, ...(user.name === undefined ? [] : [user.name])];
  const groups = keys.flatMap((key) => context.lookup<string[]>(MEMBERS).get(key) ?? []);
  const enforced = context.lookup<boolean>(MFA_SUBJECTS);
  const fields: Pick<UserAccount, 'highSecurity' | 'mfaRequired'> = {
    highSecurity: user.high,
    mfaRequired: [...keys, ...groups].some((key) => enforced.get(key) === true || enforced.get(groupAddressOf(key, context)) === true),
  };
  Object.assign(account, fields);
}

/** Returns the other key of a group: its address for its name, its name for its address. */
function groupAddressOf(key: string, context: MappingContext): string {
  return context.lookup<string>('aws-mfa-group-names').get(key) ?? key;
}

function mapGroup(instance: ResourceInstance, context: MappingContext): void {
  const name = str(instance.body, 'name');
  if (typeof name !== 'string') return;
  context.lookup<string>('aws-mfa-group-names').set(name, instance.address);
  context.lookup<string>('aws-mfa-group-names').set(instance.address, name);
}

export const mfaMappers: Record<string, ResourceMapper> = {
  aws_iam_user: mapUser,
  aws_iam_group: mapGroup,
  aws_iam_policy: mapPolicy,
  aws_iam_user_policy: mapInlinePolicy('user'),
  aws_iam_group_policy: mapInlinePolicy('group'),
  aws_iam_user_policy_attachment: mapAttachment('user'),
  aws_iam_group_policy_attachment: mapAttachment('group'),
  aws_iam_user_group_membership: mapMembership('user', 'groups'),
  aws_iam_group_membership: mapMembership('users', 'group'),
};
