import { describe, expect, it } from 'vitest';
import type { ZoneguardConfig } from '../../../src/engine/config.ts';
import type { Finding } from '../../../src/engine/types.ts';
import { builtInPack, runOnHcl } from '../harness.ts';

export interface ExpectedFinding {
  messageId: string;
  address: string;
  /** Template data that must match exactly, key by key. */
  data?: Record<string, string | number>;
  /** 1-based line of the finding's location in main.tf. */
  line?: number;
  status?: 'fail' | 'unknown';
  severity?: Finding['severity'];
  restsOn?: string[];
}

export interface ValidCase {
  name: string;
  hcl: string;
  config?: ZoneguardConfig;
}

export interface InvalidCase extends ValidCase {
  expected: ExpectedFinding[];
}

/**
 * Static valid/invalid tables for one rule, run through the real pipeline.
 * The harness rejects a malformed table (duplicate names, an invalid case
 * without expected findings) and checks that the invalid cases render every
 * message the rule's pack entry defines.
 */
export function ruleTable(
  ruleId: string,
  cases: { valid: ValidCase[]; invalid: InvalidCase[]; coveredElsewhere?: string[] },
): void {
  const names = [...cases.valid, ...cases.invalid].map((entry) => entry.name);
  if (new Set(names).size !== names.length) throw new Error(`${ruleId}: duplicate case names`);
  for (const entry of cases.invalid) {
    if (entry.expected.length === 0) throw new Error(`${ruleId}: ${entry.name} expects nothing`);
  }

  describe(`${ruleId} table`, () => {
    for (const entry of cases.valid) {
      it(`valid: ${entry.name}`, async () => {
        const result = await run(ruleId, entry);
        expect(result.diagnostics.filter((d) => d.code === 'rule-error')).toEqual([]);
        expect(result.findings.map((finding) => finding.message)).toEqual([]);
      });
    }
    for (const entry of cases.invalid) {
      it(`invalid: ${entry.name}`, async () => {
        const result = await run(ruleId, entry);
        expect(result.findings.map(summarize)).toEqual(entry.expected.map(expectedSummary));
        entry.expected.forEach((expected, index) => {
          const finding = result.findings[index];
          for (const [key, value] of Object.entries(expected.data ?? {})) {
            expect(finding?.data[key], `${entry.name}: data.${key}`).toBe(value);
          }
        });
      });
    }
    it('covers every message of the pack entry', async () => {
      const pack = await builtInPack();
      const meta = pack.rules.find((rule) => rule.meta.id === ruleId)?.meta;
      const covered = new Set([
        ...cases.invalid.flatMap((entry) => entry.expected.map((e) => e.messageId)),
        ...(cases.coveredElsewhere ?? []),
      ]);
      expect([...covered].sort()).toEqual(Object.keys(meta?.messages ?? {}).sort());
    });
  });
}

function run(ruleId: string, entry: ValidCase) {
  return runOnHcl({ 'main.tf': entry.hcl }, {
    ruleIds: [ruleId],
    ...(entry.config ? { config: entry.config } : {}),
  });
}

function summarize(finding: Finding): Record<string, unknown> {
  return {
    messageId: finding.messageId,
    address: finding.address,
    line: finding.location.range?.startLine,
    status: finding.status,
    severity: finding.severity,
    restsOn: finding.restsOn,
  };
}

function expectedSummary(expected: ExpectedFinding): Record<string, unknown> {
  return {
    messageId: expected.messageId,
    address: expected.address,
    line: expected.line ?? expect.any(Number),
    status: expected.status ?? 'fail',
    severity: expected.severity ?? expect.any(String),
    restsOn: expected.restsOn ?? expect.any(Array),
  };
}
