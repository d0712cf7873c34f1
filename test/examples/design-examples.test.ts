import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { exitCodeFor } from '../../src/cli/exit-code.ts';
import { scan } from '../../src/engine/scan.ts';

const examples = fileURLToPath(new URL('../../examples/design/', import.meta.url));

/** The day the examples' evidence dates are measured against (see the README). */
const NOW = new Date('2025-06-01T00:00:00Z');

async function scanExample(folder: string) {
  return scan([`${examples}${folder}`], { now: NOW });
}

/** `rule file:line` for each row of the README's table: every location with every rule. */
async function readmeFindings(): Promise<string[]> {
  const readme = await readFile(`${examples}README.md`, 'utf8');
  const rows = readme.split('\n').filter((line) => /^\| \d+:\d+/.test(line));
  return rows.flatMap((row) => {
    const [locations = '', rules = ''] = row.split('|').slice(1, 3).map((cell) => cell.trim());
    const lines = locations.split(',').map((location) => location.trim().split(':')[0]);
    return rules.split(',').flatMap((rule) => lines.map((line) => `${rule.trim()} branch.zoneguard.yml:${line}`));
  });
}

describe('design examples', () => {
  it('non-compliant branch reports the README list, each at its line', async () => {
    const result = await scanExample('non-compliant');
    const seen = result.findings.map((finding) => `${finding.ruleId} ${basename(finding.location.file ?? '')}:${finding.location.range?.startLine}`);
    expect([...new Set(seen)].sort()).toEqual([...new Set(await readmeFindings())].sort());
    expect(exitCodeFor(result, { threshold: 'info', failOnUnknown: false })).toBe(1);
  });

  it('compliant organisation exits 0 with no finding', async () => {
    const result = await scanExample('compliant');
    expect(result.findings.map((finding) => `${finding.ruleId} ${finding.location.range?.startLine}`)).toEqual([]);
    expect(exitCodeFor(result, { threshold: 'info', failOnUnknown: true })).toBe(0);
  });
});
