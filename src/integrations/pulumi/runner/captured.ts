/**
 * What the mock runtime captured from one run of a Pulumi program: every
 * resource it registered, with the inputs the program gave it after Pulumi
 * resolved them. References to other resources arrive as the mock ids and
 * ARNs below, which name the resource they came from.
 */
export interface CapturedResource {
  /** `urn:pulumi:<stack>::<project>::<type>::<name>`; parents are not part of it. */
  urn: string;
  type: string;
  name: string;
  /** False for component resources, which have no provider id. */
  custom: boolean;
  id: string;
  inputs: Record<string, unknown>;
  /** The outputs the mocks returned: the inputs plus `id`, `arn` and `name`. */
  outputs: Record<string, unknown>;
  /** Where the program created the resource: the first frame inside the program. */
  source?: { file: string; line: number; column: number };
}

export interface CaptureOutput {
  project: string;
  stack: string;
  resources: CapturedResource[];
  /** The program's error, when it threw; the resources before it are kept. */
  error?: string;
}

/** The id the mocks give a resource; it names the resource, so references can be followed. */
export function mockId(type: string, name: string): string {
  return `mock-id:${type}::${name}`;
}

export function mockArn(type: string, name: string): string {
  return `arn:aws:mock:::${type}::${name}`;
}

export function mockUrn(project: string, stack: string, type: string, name: string): string {
  return `urn:pulumi:${stack}::${project}::${type}::${name}`;
}
