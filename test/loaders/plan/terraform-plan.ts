import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The local provider mirror that lets `terraform init` run without the network. */
export const PLUGIN_DIR = '/opt/tf-plugins';
const AWS_PROVIDER = `${PLUGIN_DIR}/registry.terraform.io/hashicorp/aws/5.100.0/linux_amd64/terraform-provider-aws_v5.100.0_x5`;

/** Why real plans cannot be made here, or undefined when they can. */
export function whyNoTerraform(): string | undefined {
  const version = spawnSync('terraform', ['version'], { encoding: 'utf8', env: terraformEnv(tmpdir()) });
  if (version.error !== undefined || version.status !== 0) return 'terraform is not installed';
  if (!existsSync(AWS_PROVIDER)) return `the hashicorp/aws 5.100.0 provider is not in ${PLUGIN_DIR}`;
  return undefined;
}

/** Fake credentials and no account lookups: planning never calls AWS. */
const PROVIDER_OVERRIDE = `provider "aws" {
  access_key                  = "mock"
  secret_key                  = "mock"
  region                      = "ap-southeast-1"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
}
`;

/** No CLI config (no registry mirrors or credentials), no update checks, data dir in the temp folder. */
function terraformEnv(dir: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env['PATH'] ?? '/usr/bin:/bin',
    HOME: dir,
    TF_CLI_CONFIG_FILE: join(dir, 'empty.tfrc'),
    TF_DATA_DIR: join(dir, '.terraform'),
    TF_IN_AUTOMATION: '1',
    CHECKPOINT_DISABLE: '1',
  };
}

function run(args: string[], cwd: string, env: NodeJS.ProcessEnv): string {
  const result = spawnSync('terraform', args, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) {
    throw new Error(`terraform ${args.join(' ')} failed in ${cwd}:\n${result.stderr}${result.stdout}`);
  }
  return result.stdout;
}

export interface PlannedFolder {
  /** The temp copy of the module folder, with the plan beside the sources. */
  dir: string;
  planFile: string;
}

/**
 * Copies a module folder to a temp folder, adds a provider override with fake
 * credentials, and writes `plan.json` from `terraform plan` and `terraform show -json`.
 */
export async function planFolder(source: string): Promise<PlannedFolder> {
  const home = await mkdtemp(join(tmpdir(), 'zoneguard-plan-'));
  const dir = join(home, 'module');
  await cp(source, dir, { recursive: true });
  await writeFile(join(dir, 'zoneguard_override.tf'), PROVIDER_OVERRIDE);
  await writeFile(join(home, 'empty.tfrc'), '');
  const env = terraformEnv(home);
  run(['init', '-input=false', '-no-color', `-plugin-dir=${PLUGIN_DIR}`], dir, env);
  run(['plan', '-input=false', '-no-color', '-lock=false', '-out=plan.out'], dir, env);
  const planFile = join(dir, 'plan.json');
  await writeFile(planFile, run(['show', '-json', 'plan.out'], dir, env));
  return { dir, planFile };
}
