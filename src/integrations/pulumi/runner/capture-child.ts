/**
 * Runs in a child process: loads a Pulumi TypeScript program under Pulumi's
 * mock runtime and writes the resources it registered to a JSON file. The
 * child keeps the program's side effects and module state out of the scanner.
 *
 * Arguments: <entry file> <output file> <project> <stack>.
 */
import { writeFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { mockArn, mockId, mockUrn, type CaptureOutput, type CapturedResource } from './captured.ts';

const [entry = '', outFile = '', project = 'project', stack = 'dev'] = process.argv.slice(2);

/**
 * The program's own @pulumi/pulumi, so the mocks are set on the copy it uses;
 * zoneguard's copy (a dev dependency) only when the program has none.
 */
function pulumiModulePath(): string {
  try {
    return createRequire(resolve(entry)).resolve('@pulumi/pulumi');
  } catch {
    return createRequire(import.meta.url).resolve('@pulumi/pulumi');
  }
}

// @pulumi/pulumi is CommonJS; `require` gives its exports as they are.
const pulumi = createRequire(import.meta.url)(pulumiModulePath()) as typeof import('@pulumi/pulumi');
const programDir = dirname(resolve(entry));
const output: CaptureOutput = { project, stack, resources: [] };
const sources = new Map<string, CapturedResource['source']>();

function record(type: string, name: string, inputs: Record<string, unknown>, custom: boolean): { id: string; state: Record<string, unknown> } {
  const id = mockId(type, name);
  const outputs = { name, ...inputs, id, arn: inputs['arn'] ?? mockArn(type, name) };
  const resource: CapturedResource = { urn: mockUrn(project, stack, type, name), type, name, custom, id, inputs, outputs };
  const source = sources.get(`${type}::${name}`);
  if (source !== undefined) resource.source = source;
  output.resources.push(resource);
  return { id, state: outputs };
}

/** Finds the first stack frame inside the program's folder and outside its node_modules. */
function programFrame(stackText: string): CapturedResource['source'] {
  for (const line of stackText.split('\n').slice(1)) {
    const match = /\(?((?:file:\/\/)?[^()\s]+):(\d+):(\d+)\)?\s*$/.exec(line);
    if (match === null) continue;
    const file = match[1]!.startsWith('file://') ? fileURLToPath(match[1]!) : match[1]!;
    const inside = relative(programDir, file);
    if (inside.startsWith('..') || isAbsolute(inside) || inside.split(sep).includes('node_modules')) continue;
    return { file, line: Number(match[2]), column: Number(match[3]) };
  }
  return undefined;
}

function writeOutput(): void {
  writeFileSync(outFile, JSON.stringify(output));
}

process.on('uncaughtException', (error) => {
  output.error = error instanceof Error ? (error.stack ?? error.message) : String(error);
  writeOutput();
  process.exit(3);
});
process.on('unhandledRejection', (error) => {
  output.error = error instanceof Error ? (error.stack ?? error.message) : String(error);
  writeOutput();
  process.exit(3);
});

await pulumi.runtime.setMocks(
  {
    newResource: (args) => record(args.type, args.name, args.inputs as Record<string, unknown>, args.custom !== false),
    call: () => ({}),
  },
  project,
  stack,
  true,
);

await pulumi.runtime.runInPulumiStack(async () => {
  // Stack transformations run inside each resource's constructor, so the call stack shows the program line.
  pulumi.runtime.registerStackTransformation((args) => {
    const source = programFrame(new Error().stack ?? '');
    if (source !== undefined) sources.set(`${args.type}::${args.name}`, source);
    return undefined;
  });
  const module = (await import(pathToFileURL(resolve(entry)).href)) as { default?: unknown };
  return typeof module.default === 'function' ? await (module.default as () => unknown)() : undefined;
});
// Registrations settle after the program returns; once the event loop is empty, every one has.
process.once('beforeExit', () => {
  writeOutput();
});
