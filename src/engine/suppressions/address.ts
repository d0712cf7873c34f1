/** One module call instance in a resource address: `module.tenants["beta"]`. */
export interface ModuleCallStep {
  name: string;
  key?: string | number;
  /** The address up to and including this call. */
  prefix: string;
}

const CALL = /^module\.([A-Za-z0-9_-]+)(\[(?:"((?:[^"\\]|\\.)*)"|(\d+))\])?/;
const KEY = /\[(?:"((?:[^"\\]|\\.)*)"|(\d+))\]$/;

/** Lists the module calls an address goes through, outermost first. */
export function moduleCallsOf(address: string): ModuleCallStep[] {
  const steps: ModuleCallStep[] = [];
  let rest = address;
  let consumed = '';
  for (let match = CALL.exec(rest); match && rest[match[0].length] === '.'; match = CALL.exec(rest)) {
    consumed += match[0];
    steps.push({ name: match[1]!, ...keyOf(match[3], match[4]), prefix: consumed });
    consumed += '.';
    rest = rest.slice(match[0].length + 1);
  }
  return steps;
}

/** Returns the `count` index or `for_each` key of the resource instance itself. */
export function instanceKeyOf(address: string): string | number | undefined {
  const withoutPath = address.split('/')[0] ?? address;
  const match = KEY.exec(withoutPath);
  return match ? keyOf(match[1], match[2]).key : undefined;
}

function keyOf(quoted: string | undefined, index: string | undefined): { key?: string | number } {
  if (quoted !== undefined) return { key: quoted.replace(/\\(.)/g, '$1') };
  if (index !== undefined) return { key: Number(index) };
  return {};
}
