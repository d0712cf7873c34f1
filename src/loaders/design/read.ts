import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import type { ValidateFunction } from 'ajv';
import type { Diagnostic } from '../../diagnostics.ts';
import { readSchemaCheckedYaml, type YamlFileWording } from '../../engine/pack/yaml-file.ts';
import type { YamlPositionMap } from '../../engine/pack/yaml-positions.ts';

const SCHEMA = new URL('../../../policies/schema/design.schema.json', import.meta.url);
const HINT = 'Fix the design file so that it matches policies/schema/design.schema.json; it is not scanned until then.';

const DESIGN_FILE: YamlFileWording = {
  kind: 'design file',
  syntaxCode: 'parse-error',
  syntaxMessage: (reason) => `the design file is not valid YAML or JSON: ${reason}`,
  syntaxHint: 'Fix the syntax; the design file is not scanned until then.',
};

/** Compiled on first use, so a scan without design files never reads the schema. */
let validator: ValidateFunction | undefined;

function designValidator(): ValidateFunction {
  if (validator) return validator;
  const ajv = new Ajv({ allErrors: true, strict: true });
  validator = ajv.compile(JSON.parse(readFileSync(SCHEMA, 'utf8')) as object);
  return validator;
}

export interface ReadDesign {
  data?: unknown;
  positions?: YamlPositionMap;
  diagnostics: Diagnostic[];
}

/**
 * Reads a design file (YAML or JSON; JSON is YAML too), parses it and
 * validates it against the design schema. Failures are diagnostics with the
 * file, line and column; nothing is thrown.
 */
export async function readDesign(file: string): Promise<ReadDesign> {
  const { data, positions, diagnostics } = await readSchemaCheckedYaml(file, designValidator(), DESIGN_FILE);
  if (diagnostics.length === 0) return { data, positions, diagnostics };
  // Only the schema errors come with positions; they point at the design schema.
  if (positions === undefined) return { diagnostics };
  return { diagnostics: diagnostics.map((diagnostic) => ({ ...diagnostic, hint: HINT })) };
}
