import type { EvaluatedBody, ResourceInstance } from '../../loaders/terraform/types.ts';
import type { MappingContext } from './context.ts';
import { origin } from './body.ts';

/**
 * Literal credentials written in any resource. Only known strings count: a
 * variable, a data source or a generated password is not a literal. The raw
 * value is kept for the credential rules and never logged.
 */
const CREDENTIAL_ATTRIBUTES = new Set([
  'password',
  'master_password',
  'admin_password',
  'secret',
  'token',
  'access_key',
  'secret_key',
  'private_key',
]);

/** Attributes that name the user a password belongs to, in the order they are read. */
const USER_NAME_ATTRIBUTES = ['username', 'master_username', 'admin_username', 'user_name'];

type Found = { path: string; value: string; location: ResourceInstance['location']; userName?: string };

export function collectCredentials(instance: ResourceInstance, context: MappingContext): void {
  const found: Found[] = [];
  collectFromBody(instance.body, '', found);
  if (found.length === 0) return;
  const credentialOrigin = origin(instance);
  for (const credential of found) {
    context.model.credentials.push({
      id: `${instance.address}/${credential.path}`,
      subjectId: instance.address,
      attribute: credential.path,
      value: credential.value,
      ...(credential.userName === undefined ? {} : { userName: credential.userName }),
      location: credential.location,
      origin: credentialOrigin,
    });
  }
}

function collectFromBody(
  body: EvaluatedBody,
  prefix: string,
  into: Found[],
): void {
  const userName = USER_NAME_ATTRIBUTES.map((name) => body.attributes[name]?.value).find(
    (value): value is string => typeof value === 'string' && value !== '',
  );
  for (const [name, attribute] of Object.entries(body.attributes)) {
    if (!CREDENTIAL_ATTRIBUTES.has(name)) continue;
    if (typeof attribute.value !== 'string' || attribute.value === '') continue;
    const credential: Found = { path: prefix + name, value: attribute.value, location: attribute.location };
    if (userName !== undefined) credential.userName = userName;
    into.push(credential);
  }
  const counts = new Map<string, number>();
  for (const block of body.blocks) {
    const index = counts.get(block.type) ?? 0;
    counts.set(block.type, index + 1);
    collectFromBody(block.body, `${prefix}${block.type}[${index}].`, into);
  }
}
