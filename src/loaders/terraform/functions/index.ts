import { COLLECTION_FUNCTIONS } from './collections.ts';
import { CONVERSION_FUNCTIONS } from './conversions.ts';
import { ENCODING_FUNCTIONS } from './encoding.ts';
import { FILE_FUNCTIONS } from './files.ts';
import { NETWORK_FUNCTIONS } from './network.ts';
import { NUMERIC_FUNCTIONS } from './numeric.ts';
import { STRING_FUNCTIONS } from './strings.ts';
import type { TerraformFunction } from './types.ts';

/**
 * Terraform's built-in functions by name. `try` and `can` are missing on
 * purpose, because they need unevaluated arguments and the evaluator runs them.
 */
export const FUNCTIONS: Record<string, TerraformFunction> = {
  ...COLLECTION_FUNCTIONS,
  ...CONVERSION_FUNCTIONS,
  ...ENCODING_FUNCTIONS,
  ...FILE_FUNCTIONS,
  ...NETWORK_FUNCTIONS,
  ...NUMERIC_FUNCTIONS,
  ...STRING_FUNCTIONS,
};

export { FunctionError, type FunctionContext, type TerraformFunction } from './types.ts';
