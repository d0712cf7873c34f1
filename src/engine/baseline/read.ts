import { readFileSync } from 'node:fs';
import { BASELINE_VERSION, type Baseline, type BaselineEntry } from './types.ts';

/** A baseline file that cannot be used; the CLI reports it as an input error. */
export class BaselineError extends Error {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
    this.name = 'BaselineError';
  }
}

const REMAKE = 'Create it again with `zoneguard baseline create --output FILE`.';

/** Reads and checks a baseline file; throws `BaselineError` with what is wrong. */
export function readBaseline(file: string): Baseline {
  let text: string;
  try {
    text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    throw new BaselineError(`The baseline file ${file} could not be read: ${(error as Error).message}.`, 'Check the path given to --baseline.');
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new BaselineError(`The baseline file ${file} is not valid JSON: ${(error as Error).message}.`, REMAKE);
  }
  return checkBaseline(file, data);
}

/** Checks the shape of parsed baseline data, naming the first field that is wrong. */
export function checkBaseline(file: string, data: unknown): Baseline {
  if (!isRecord(data) || data.tool !== 'zoneguard' || !Array.isArray(data.findings)) {
    throw new BaselineError(`The file ${file} is not a zoneguard baseline: it needs "tool": "zoneguard" and a "findings" list.`, REMAKE);
  }
  if (data.version !== BASELINE_VERSION) {
    throw new BaselineError(`The baseline file ${file} has version ${JSON.stringify(data.version)}; this zoneguard reads version ${BASELINE_VERSION}.`, REMAKE);
  }
  const findings = data.findings.map((entry, index) => checkEntry(file, entry, index));
  return { version: BASELINE_VERSION, tool: 'zoneguard', findings };
}

function checkEntry(file: string, entry: unknown, index: number): BaselineEntry {
  const valid =
    isRecord(entry) &&
    typeof entry.fingerprint === 'string' &&
    /^[0-9a-f]{32}$/.test(entry.fingerprint) &&
    typeof entry.ruleId === 'string' &&
    typeof entry.address === 'string' &&
    (entry.file === undefined || typeof entry.file === 'string');
  if (!valid) {
    throw new BaselineError(
      `Entry ${index} of "findings" in the baseline file ${file} needs a 32-character hex "fingerprint", a "ruleId" and an "address".`,
      REMAKE,
    );
  }
  return entry as unknown as BaselineEntry;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
