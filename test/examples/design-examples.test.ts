import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { exitCodeFor } from '../../src/cli/exit-code.ts';
import { main } from '../../src/cli/main.ts';
import { scan } from '../../src/engine/scan.ts';
import { memoryIo } from '../cli/memory-io.ts';

const examples = fileURLToPath(new URL('../../examples/design/', import.meta.url));

/** The day the examples' evidence dates are recent for. The README gives it as the `--as-of` day. */
const AS_OF = '2026-12-04';
const NOW = new Date(`${AS_OF}T00:00:00Z`);

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

  it('scan --as-of the example day exits 0', async () => {
    const io = memoryIo(examples);
    expect(await main(['scan', '--as-of', AS_OF, '--severity-threshold', 'info', '--fail-on-unknown', 'compliant'], io)).toBe(0);
    expect(io.err()).toBe('');
  });

  it('scan --as-of a year later reports aged dates', async () => {
    const io = memoryIo(examples);
    expect(await main(['scan', '--as-of', '2027-12-04', '--severity-threshold', 'info', '--format', 'json', 'compliant'], io)).toBe(1);
    const ruleIds = new Set(JSON.parse(io.out()).findings.map((finding: { ruleId: string }) => finding.ruleId));
    for (const ruleId of ['antimalware-autoscan', 'access-review-recent', 'maintenance-recent', 'firewall-patched']) {
      expect(ruleIds).toContain(ruleId);
    }
  });

  it('scan rejects an --as-of day not in the calendar', async () => {
    const io = memoryIo(examples);
    expect(await main(['scan', '--as-of', '2026-02-30', 'compliant'], io)).toBe(2);
    expect(io.err()).toContain('Invalid --as-of date "2026-02-30"');
    expect(io.out()).toBe('');
  });
});
