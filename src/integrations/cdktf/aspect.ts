import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import createDebug from 'debug';
import { DEFAULT_THRESHOLD } from '../../cli/scan-command.ts';
import { findConfigFile, loadConfig } from '../../engine/config-load.ts';
import { annotateStack } from './annotate.ts';
import type { AnnotationPolicy } from './annotate.ts';
import { stackLibrary } from './library.ts';
import type { AnyConstruct, CdkLibrary, StackLike } from './library.ts';
import type { ZoneguardAspectOptions } from './options.ts';
import { scanStackJson } from './scan-stack.ts';

const debug = createDebug('zoneguard:integrations:cdktf-aspect');

/**
 * Checks a Terraform stack against the zoneguard policy pack during
 * `cdktf synth` (or `cdktn synth`):
 *
 *     Aspects.of(stack).add(new ZoneguardAspect({ severityThreshold: 'high' }));
 *
 * cdktf and CDK Terrain apply aspects per stack, starting at the stack, so an
 * aspect added to the App itself is never invoked: add it to each stack, or
 * call `ZoneguardAspect.addToStacks(app)` once the stacks exist.
 *
 * An Aspect visits every construct; this one acts on stacks only. It does not
 * scan at visit time, because aspects are applied from the stack down and
 * other aspects (tagging, for example) may still change the stack's resources.
 * It adds a validation to the stack instead: cdktf runs validations after all
 * aspects and before it collects annotations into the manifest.
 */
export class ZoneguardAspect {
  private readonly stacks = new WeakSet<object>();

  constructor(private readonly options: ZoneguardAspectOptions = {}) {}

  /** Adds one ZoneguardAspect to every stack under `scope` (an App); returns how many stacks it found. */
  static addToStacks(scope: AnyConstruct, options: ZoneguardAspectOptions = {}): number {
    const aspect = new ZoneguardAspect(options);
    let count = 0;
    for (const construct of scope.node.findAll()) {
      const library = stackLibrary(construct);
      library?.Aspects.of(construct as AnyConstruct).add(aspect);
      if (library) count += 1;
    }
    return count;
  }

  visit(node: unknown): void {
    const library = stackLibrary(node);
    if (library === undefined) return;
    const stack = node as StackLike;
    if (this.stacks.has(stack)) return;
    this.stacks.add(stack);
    stack.node.addValidation({
      validate: () => {
        this.check(stack, library);
        return [];
      },
    });
  }

  private check(stack: StackLike, library: CdkLibrary): void {
    debug('checking stack %s with %s', stack.node.path, library.name);
    const configFile = this.configFile();
    const scan = scanStackJson(stack.toTerraform(), {
      language: this.options.language ?? 'en',
      ...(configFile === undefined ? {} : { configFile }),
    });
    annotateStack(stack, library, scan, this.policy(configFile));
  }

  private configFile(): string | undefined {
    // The scan runs in a temp folder, so a relative path is resolved against the app's folder here.
    if (this.options.configFile !== undefined) return resolve(this.options.configFile);
    const found = findConfigFile(process.cwd());
    return found !== undefined && existsSync(found) ? found : undefined;
  }

  /** Takes the threshold of the option, else of the config, else the CLI's default. */
  private policy(configFile: string | undefined): AnnotationPolicy {
    const config = configFile === undefined ? {} : loadConfig(process.cwd(), configFile).config;
    return {
      threshold: this.options.severityThreshold ?? config.severityThreshold ?? DEFAULT_THRESHOLD,
      failOnUnknown: this.options.failOnUnknown ?? config.failOnUnknown ?? false,
    };
  }
}
