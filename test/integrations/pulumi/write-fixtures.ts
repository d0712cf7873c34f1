/**
 * Writes `preview.json` and `stack-export.json` of each Pulumi example from
 * the resources the mock runtime captured. The Pulumi CLI is not part of the
 * test environment, so these are zoneguard's own renderings of the two
 * formats; `examples.test.ts` fails when they are stale.
 *
 *   npx tsx test/integrations/pulumi/write-fixtures.ts
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { toPreview, toStackExport } from '../../../src/integrations/pulumi/runner/documents.ts';
import { captureExample, EXAMPLES } from './capture-example.ts';

export const PULUMI_EXAMPLES = ['portal-compliant', 'portal-noncompliant'] as const;

export function renderFixture(document: Record<string, unknown>): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === import.meta.filename) {
  for (const name of PULUMI_EXAMPLES) {
    const capture = await captureExample(name);
    if (capture.error !== undefined) throw new Error(capture.error);
    const dir = resolve(EXAMPLES, 'pulumi', name);
    await writeFile(resolve(dir, 'preview.json'), renderFixture(toPreview(capture)));
    await writeFile(resolve(dir, 'stack-export.json'), renderFixture(toStackExport(capture)));
  }
}
