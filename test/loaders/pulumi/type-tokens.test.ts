import { readdir, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TERRAFORM_TYPES } from '../../../src/loaders/pulumi/index.ts';
import { awsProvider } from '../../../src/model/providers/aws/index.ts';

const AWS_SDK = resolve(import.meta.dirname, '../../../node_modules/@pulumi/aws');

/** Every `__pulumiType` token the installed @pulumi/aws declares in the given modules. */
async function sdkTokens(modules: string[]): Promise<Set<string>> {
  const tokens = new Set<string>();
  for (const module of modules) {
    for (const file of await readdir(resolve(AWS_SDK, module))) {
      if (!file.endsWith('.js')) continue;
      const text = await readFile(resolve(AWS_SDK, module, file), 'utf8');
      for (const match of text.matchAll(/__pulumiType = '([^']+)'/g)) tokens.add(match[1]!);
    }
  }
  return tokens;
}

describe('the Pulumi type token table', () => {
  it('has a Pulumi token for every Terraform type the AWS mapping reads', () => {
    const mapped = new Set(Object.values(TERRAFORM_TYPES));
    const missing = Object.keys(awsProvider.mappers).filter((type) => !mapped.has(type));
    expect(missing).toEqual([]);
  });

  it('names only tokens that the installed @pulumi/aws declares', async () => {
    const modules = [...new Set(Object.keys(TERRAFORM_TYPES).map((token) => token.split(':')[1]!.split('/')[0]!))];
    const tokens = await sdkTokens(modules);
    expect(Object.keys(TERRAFORM_TYPES).filter((token) => !tokens.has(token))).toEqual([]);
  });

  it('maps each token to a type of the same resource (the last word of the token, in snake case)', () => {
    for (const [token, type] of Object.entries(TERRAFORM_TYPES)) {
      const resource = token.split('/')[1]!.split(':')[0]!.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
      const noun = resource.replace(/^instance$/, 'instance').replace(/^load_balancer$/, '');
      expect(type.endsWith(noun) || ['aws_db_instance', 'aws_lb', 'aws_alb', 'aws_autoscaling_group'].includes(type), `${token} → ${type}`).toBe(true);
    }
  });
});
