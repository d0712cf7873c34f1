import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findRootModules, listModuleFiles } from '../../../../src/loaders/terraform/parse/index.ts';

/** Creates `files` (relative path → content) in a new temporary folder and returns the folder. */
function workspace(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'zoneguard-files-'));
  for (const [path, content] of Object.entries(files)) {
    const full = join(root, path);
    mkdirSync(join(full, '..'), { recursive: true });
    writeFileSync(full, content);
  }
  return root;
}

describe('listModuleFiles', () => {
  it('lists .tf and .tf.json files sorted, without subfolders or backups', async () => {
    const root = workspace({
      'b.tf': '',
      'a.tf.json': '{}',
      'main.tf~': '',
      '.#main.tf': '',
      'vars.tfvars': '',
      'notes.md': '',
      'sub/c.tf': '',
    });
    expect(await listModuleFiles(root)).toEqual([join(root, 'a.tf.json'), join(root, 'b.tf')]);
  });
});

describe('findRootModules', () => {
  it('finds folders with Terraform files and skips tool folders', async () => {
    const root = workspace({
      'prod/main.tf': 'resource "a" "b" {}',
      'staging/main.tf.json': '{}',
      '.terraform/modules/x/main.tf': '',
      'node_modules/pkg/main.tf': '',
      '.hidden/main.tf': '',
      'cdktf.out/stacks/net/cdk.tf.json': '{}',
      'docs/readme.md': '',
    });
    expect(await findRootModules(root)).toEqual([join(root, 'prod'), join(root, 'staging')]);
  });

  it('skips folders that another folder calls as a local module', async () => {
    const root = workspace({
      'live/main.tf': 'module "net" {\n  source = "../modules/net"\n}\nmodule "sg" {\n  source = "./sg"\n}\n',
      'live/sg/main.tf': 'resource "aws_security_group" "x" {}',
      'modules/net/main.tf': 'resource "aws_vpc" "x" {}',
      'modules/unused/main.tf': 'resource "aws_vpc" "y" {}',
      'registry/main.tf': 'module "vpc" {\n  source = "terraform-aws-modules/vpc/aws"\n}\n',
    });
    expect(await findRootModules(root)).toEqual([
      join(root, 'live'),
      join(root, 'modules/unused'),
      join(root, 'registry'),
    ]);
  });

  it('reads module sources from .tf.json files', async () => {
    const root = workspace({
      'app/main.tf.json': JSON.stringify({ module: { net: { source: '../net' } } }),
      'net/main.tf': '',
    });
    expect(await findRootModules(root)).toEqual([join(root, 'app')]);
  });

  it('returns the folder itself when it is a module', async () => {
    const root = workspace({ 'main.tf': 'resource "a" "b" {}' });
    expect(await findRootModules(root)).toEqual([root]);
  });

  it('terminates on symlink loops', async () => {
    const root = workspace({ 'stack/main.tf': '' });
    symlinkSync(root, join(root, 'stack', 'loop'));
    symlinkSync(join(root, 'stack'), join(root, 'again'));
    expect(await findRootModules(root)).toEqual([join(root, 'stack')]);
  });

  it('still lists a folder with a broken file', async () => {
    const root = workspace({ 'broken/main.tf': 'module "x" {\n  source = "./y"\n' });
    expect(await findRootModules(root)).toEqual([join(root, 'broken')]);
  });
});
