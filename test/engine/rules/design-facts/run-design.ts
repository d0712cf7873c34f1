import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect } from 'vitest';
import { computeReachability } from '../../../../src/analysis/reachability/index.ts';
import { runRules } from '../../../../src/engine/run.ts';
import type { Finding } from '../../../../src/engine/types.ts';
import { loadDesign } from '../../../../src/loaders/design/index.ts';
import { designToModel } from '../../../../src/model/design/index.ts';
import { builtInPack } from '../../harness.ts';

/** The scan day of every design-fact test. */
export const NOW = new Date('2025-06-01T00:00:00Z');

const folders: string[] = [];
afterEach(async () => {
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});

/**
 * A design file: `top` is written at the top level (backup, mail, dates …),
 * `site` inside the one site `dc`, which has a dmz and a servers zone.
 * Line 1 is `version: 1`; `top` starts on line 2.
 */
export function designText(top: string, site = ''): string {
  const indent = (text: string, by: string) => text.split('\n').filter((line) => line !== '').map((line) => by + line).join('\n');
  return [
    'version: 1',
    indent(top, ''),
    'sites:',
    '  dc:',
    '    zones:',
    '      dmz: { cidrs: [10.1.1.0/24] }',
    '      servers: { kind: internal, cidrs: [10.1.3.0/24] }',
    indent(site, '    '),
    '',
  ].filter((line, index, all) => line !== '' || index === all.length - 1).join('\n');
}

/** Runs one rule on a design file written to a temp folder, in strict mode. */
export async function runDesign(ruleId: string, text: string, now = NOW): Promise<Finding[]> {
  const folder = await mkdtemp(join(tmpdir(), 'zoneguard-design-facts-'));
  folders.push(folder);
  const file = join(folder, 'dc.zoneguard.yml');
  await writeFile(file, text);
  const loaded = await loadDesign(file);
  expect(loaded.diagnostics ?? []).toEqual([]);
  const model = designToModel(loaded.design!);
  const output = runRules({
    model,
    reachability: computeReachability(model),
    pack: await builtInPack(),
    language: 'en',
    ruleIds: [ruleId],
    strict: true,
    now,
  });
  const errors = output.diagnostics.filter((diagnostic) => diagnostic.code === 'rule-error' || diagnostic.severity === 'error');
  expect(errors).toEqual([]);
  return output.findings;
}

/** The line a design text holds `needle` on, 1-based. */
export function lineOf(text: string, needle: string): number {
  const index = text.split('\n').findIndex((line) => line.includes(needle));
  if (index < 0) throw new Error(`"${needle}" is not in the design text`);
  return index + 1;
}

/** messageId, line and selected data of each finding, for table assertions. */
export function summary(findings: Finding[], keys: string[] = []): Array<[string, number | undefined, ...unknown[]]> {
  return findings.map((finding) => [finding.messageId, finding.location.range?.startLine, ...keys.map((key) => finding.data[key])]);
}
