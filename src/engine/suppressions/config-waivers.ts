import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ConfigWaiver } from '../config.ts';
import type { SourceLocation } from '../../model/location.ts';
import { buildPositionMap } from '../pack/yaml-positions.ts';
import type { SuppressionDirective } from './types.ts';

/**
 * Turns the `waivers` of the config into suppressions. Path globs are
 * relative to the config file's folder, or to `fallbackBase` when the config
 * did not come from a file. Each waiver points at its entry in the file.
 */
export function directivesFromWaivers(
  waivers: ConfigWaiver[],
  configFile: string | undefined,
  fallbackBase: string,
): SuppressionDirective[] {
  const base = configFile === undefined ? fallbackBase : dirname(configFile);
  const locate = waiverLocator(configFile);
  return waivers.map((waiver, index) => ({
    id: `config:${configFile ?? ''}:${index}`,
    kind: 'config',
    ruleIds: waiver.rule === undefined ? [] : [waiver.rule.toLowerCase()],
    reason: waiver.reason.trim(),
    ...(waiver.approver ? { approver: waiver.approver } : {}),
    ...(waiver.expires ? { expires: waiver.expires } : {}),
    ...(configFile === undefined ? {} : { location: locate(index) }),
    scope: {
      kind: 'waiver',
      base,
      ...(waiver.address === undefined ? {} : { address: waiver.address }),
      ...(waiver.path === undefined ? {} : { path: waiver.path }),
    },
  }));
}

/** Locates each waiver entry, so that an unused waiver is reported where it is written. */
function waiverLocator(configFile: string | undefined): (index: number) => SourceLocation {
  let positions: ReturnType<typeof buildPositionMap> | undefined;
  try {
    if (configFile !== undefined) positions = buildPositionMap(readFileSync(configFile, 'utf8'));
  } catch {
    // The config was already read once; if it cannot be read again, waivers point at the file.
  }
  return (index) => {
    if (configFile === undefined || positions === undefined) return { file: configFile ?? '' };
    const { line, column } = positions.locate(`/waivers/${index}`);
    return { file: configFile, range: { startLine: line, startColumn: column, endLine: line, endColumn: column + 1 } };
  };
}
