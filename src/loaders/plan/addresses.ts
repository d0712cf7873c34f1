/**
 * Resource instance addresses as plan JSON writes them:
 * `module.net["a"].aws_subnet.zone["mgmt"]`, `data.aws_vpc.main`.
 */
export interface ParsedAddress {
  /** Module call instances from the root, outermost first: `module.net["a"]`. */
  moduleCalls: string[];
  /** Module call names without keys, the path into `configuration`: `['net']`. */
  moduleNames: string[];
  /** The resource without module path and key: `aws_subnet.zone`, `data.aws_vpc.main`. */
  resource: string;
  /** The instance key as written, brackets included: `["mgmt"]`, `[0]`, or ''. */
  keyText: string;
}

/** Splits an address at dots that are outside brackets and quotes. */
function splitSteps(address: string): string[] {
  const steps: string[] = [];
  let current = '';
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < address.length; i++) {
    const char = address[i]!;
    if (quoted && char === '\\') {
      current += char + (address[i + 1] ?? '');
      i++;
      continue;
    }
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === '[') depth++;
    else if (!quoted && char === ']') depth--;
    if (char === '.' && depth === 0 && !quoted) {
      steps.push(current);
      current = '';
    } else current += char;
  }
  steps.push(current);
  return steps;
}

/** Separates `name["key"]` into its name and bracketed key. */
function splitKey(step: string): { name: string; keyText: string } {
  const bracket = step.indexOf('[');
  return bracket < 0 ? { name: step, keyText: '' } : { name: step.slice(0, bracket), keyText: step.slice(bracket) };
}

export function parseAddress(address: string): ParsedAddress {
  const steps = splitSteps(address);
  const moduleCalls: string[] = [];
  const moduleNames: string[] = [];
  let i = 0;
  while (steps[i] === 'module' && i + 2 < steps.length) {
    const call = steps[i + 1]!;
    moduleCalls.push(moduleCalls.length === 0 ? `module.${call}` : `${moduleCalls.at(-1)}.module.${call}`);
    moduleNames.push(splitKey(call).name);
    i += 2;
  }
  const rest = steps.slice(i);
  const last = splitKey(rest.at(-1) ?? '');
  const resource = [...rest.slice(0, -1), last.name].join('.');
  return { moduleCalls, moduleNames, resource, keyText: last.keyText };
}

/** The address prefix of the innermost module instance, with a trailing dot, or ''. */
export function modulePrefix(parsed: ParsedAddress): string {
  const last = parsed.moduleCalls.at(-1);
  return last === undefined ? '' : `${last}.`;
}

/** Reads a bracketed key back into a value: `[0]` is 0, `["a"]` is "a". */
export function keyValue(keyText: string): number | string | undefined {
  if (keyText === '') return undefined;
  const inner = keyText.slice(1, -1);
  if (/^\d+$/.test(inner)) return Number(inner);
  try {
    return JSON.parse(inner) as string;
  } catch {
    return inner;
  }
}

/** Writes a key as Terraform does in addresses. */
export function keyTextOf(key: number | string | undefined): string {
  if (key === undefined) return '';
  return typeof key === 'number' ? `[${key}]` : `[${JSON.stringify(key)}]`;
}
