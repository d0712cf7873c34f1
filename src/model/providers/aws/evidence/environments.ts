import type { ResourceInstance } from '../../../../loaders/terraform/types.ts';
import { origin, tags } from '../../body.ts';
import type { MappingContext } from '../../context.ts';
import type { ResourceMapper } from '../../registry.ts';
import { evidenceOf } from './record.ts';

/**
 * The environment a resource belongs to, from its `Environment` (or `Env`,
 * `Stage`) tag. Values are normalised so that `prod` and `production` compare
 * equal; anything else is kept as written, lower case.
 */
const TAG_KEYS = ['environment', 'env', 'stage'];

const ALIASES: Record<string, string> = {
  prod: 'production',
  prd: 'production',
  production: 'production',
  live: 'production',
  test: 'test',
  tst: 'test',
  qa: 'test',
  uat: 'test',
  dev: 'development',
  development: 'development',
  stg: 'staging',
  staging: 'staging',
};

export function normaliseEnvironment(value: string): string {
  const lower = value.trim().toLowerCase();
  return ALIASES[lower] ?? lower;
}

function mapEnvironment(instance: ResourceInstance, context: MappingContext): void {
  const written = Object.entries(tags(instance.body)).find(([key]) => TAG_KEYS.includes(key.toLowerCase()));
  if (written === undefined) return;
  const domain = tags(instance.body)['Domain'];
  evidenceOf(context).environments.push({
    resourceId: instance.address,
    environment: normaliseEnvironment(written[1]),
    ...(domain === undefined ? {} : { domain }),
    origin: origin(instance),
  });
}

const TAGGED_TYPES = [
  'aws_instance',
  'aws_launch_template',
  'aws_db_instance',
  'aws_rds_cluster',
  'aws_vpc',
  'aws_subnet',
  'aws_security_group',
  'aws_eks_cluster',
  'aws_ecs_cluster',
  'aws_elasticache_replication_group',
  'aws_route53_zone',
];

export const environmentMappers: Record<string, ResourceMapper> = Object.fromEntries(
  TAGGED_TYPES.map((type) => [type, mapEnvironment]),
);
