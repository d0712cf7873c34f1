import type { ResourceInstance } from '../../../../loaders/terraform/types.ts';
import type { CharacterClass, PasswordPolicy } from '../../../evidence.ts';
import { isUnknown, type Known } from '../../../unknown.ts';
import { bool, num, origin } from '../../body.ts';
import type { MappingContext } from '../../context.ts';
import type { ResourceMapper } from '../../registry.ts';
import { evidenceOf } from './record.ts';

/**
 * The minimum length assumed when `minimum_password_length` is not set. It is an
 * estimate of the AWS default, not checked against the provider's documentation here.
 */
const AWS_DEFAULT_MIN_LENGTH = 6;

const CLASS_ATTRIBUTES: ReadonlyArray<[string, CharacterClass]> = [
  ['require_uppercase_characters', 'upper'],
  ['require_lowercase_characters', 'lower'],
  ['require_numbers', 'digit'],
  ['require_symbols', 'special'],
];

/**
 * The account password policy binds every IAM user alike, administrators
 * included. An unset maximum age means passwords never expire, so it stays
 * absent; an unset minimum length is AWS's default of 6.
 */
function mapPasswordPolicy(instance: ResourceInstance, context: MappingContext): void {
  const body = instance.body;
  const policy: PasswordPolicy = {
    appliesTo: 'all',
    systems: [],
    minLength: num(body, 'minimum_password_length') ?? AWS_DEFAULT_MIN_LENGTH,
    requiredClasses: requiredClasses(instance),
    origin: origin(instance),
  };
  const maxAge = num(body, 'max_password_age');
  if (maxAge !== undefined && maxAge !== 0) {
    policy.maxAgeDaysUsers = maxAge;
    policy.maxAgeDaysAdministrators = maxAge;
  }
  const reuse = num(body, 'password_reuse_prevention');
  if (reuse !== undefined) policy.reusePreventionCount = reuse;
  evidenceOf(context).passwordPolicies.push(policy);
}

function requiredClasses(instance: ResourceInstance): Known<CharacterClass[]> {
  const classes: CharacterClass[] = [];
  for (const [attribute, characterClass] of CLASS_ATTRIBUTES) {
    const required = bool(instance.body, attribute);
    if (isUnknown(required)) return required;
    if (required === true) classes.push(characterClass);
  }
  return classes;
}

export const passwordPolicyMappers: Record<string, ResourceMapper> = {
  aws_iam_account_password_policy: mapPasswordPolicy,
};
