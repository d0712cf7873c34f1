import { createRequire } from 'node:module';
import { join } from 'node:path';

/** The parts of cdktf (or CDK Terrain) the Aspect uses, typed by shape. */
export interface ConstructNode {
  readonly path: string;
  findAll(): Array<{ node: ConstructNode }>;
  addValidation(validation: { validate(): string[] }): void;
}
export interface AnyConstruct {
  readonly node: ConstructNode;
}
export interface StackLike extends AnyConstruct {
  toTerraform(): unknown;
}
export interface CdkLibrary {
  /** The npm package the construct came from: `cdktf` or `cdktn`. */
  name: string;
  TerraformStack: { isStack(value: unknown): boolean };
  Annotations: { of(scope: AnyConstruct): { addError(message: string): void; addWarning(message: string): void; addInfo(message: string): void } };
  Aspects: { of(scope: AnyConstruct): { add(aspect: { visit(node: unknown): void }): void } };
}

const LIBRARIES = ['cdktf', 'cdktn'] as const;
/** Looked up once: an Aspect visits every construct of the app. */
let installed: CdkLibrary[] | undefined;

/**
 * When `construct` is a Terraform stack, the library the user's app built it
 * with; otherwise `undefined`. zoneguard imports neither cdktf nor cdktn at the
 * top level, because a user has one or the other. Each is looked up from the
 * app's folder first, then from zoneguard's own. The library whose
 * `TerraformStack` class made the stack wins, so annotations go through the
 * stack's own library. Both mark stacks with the same symbol, so `isStack`
 * alone cannot tell them apart.
 */
export function stackLibrary(construct: unknown): CdkLibrary | undefined {
  if (typeof construct !== 'object' || construct === null || !('node' in construct)) return undefined;
  installed ??= LIBRARIES.flatMap((name) => loadLibrary(name));
  const own = installed.find((library) => construct instanceof (library.TerraformStack as unknown as new () => object));
  return own ?? installed.find((library) => library.TerraformStack.isStack(construct));
}

function loadLibrary(name: string): CdkLibrary[] {
  for (const base of [join(process.cwd(), 'package.json'), import.meta.url]) {
    try {
      const { TerraformStack, Annotations, Aspects } = createRequire(base)(name) as Omit<CdkLibrary, 'name'>;
      return [{ name, TerraformStack, Annotations, Aspects }];
    } catch {
      // Not installed where this base resolves from; try the next base.
    }
  }
  return [];
}
