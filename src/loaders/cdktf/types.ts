import type { Diagnostic } from '../../diagnostics.ts';
import type { TerraformLoadResult } from '../terraform/types.ts';

/** One stack of a synthesized cdktf (or CDK Terrain) app, as its manifest lists it. */
export interface CdktfStack {
  /** The stack name: `portal`. */
  name: string;
  /** The stack's construct path in the app: `portal`. */
  constructPath: string;
  /** Absolute path of the stack's `cdk.tf.json`. */
  file: string;
  /** Absolute folder of the stack: the Terraform root module. */
  folder: string;
}

/** The stacks of one `cdktf.out` folder. */
export interface CdktfOutput {
  /** Absolute path of the output folder (`cdktf.out`, or the `output` of `cdktf.json`). */
  outDir: string;
  stacks: CdktfStack[];
  diagnostics: Diagnostic[];
}

/** A synthesized stack after the Terraform loader read it. */
export interface LoadedCdktfStack extends CdktfStack {
  load: TerraformLoadResult;
}

export interface CdktfLoadResult {
  outDir: string;
  stacks: LoadedCdktfStack[];
  /** Diagnostics of the manifest; each stack's own are in its `load`. */
  diagnostics: Diagnostic[];
}
