import { describe, expect, it } from 'vitest';
import { scanFiles, whereOf } from './pipeline.ts';

/** One input of a rule table: files by name and optional var files. */
export interface TableCase {
  name: string;
  files: Record<string, string>;
  varFiles?: string[];
}

export interface ExpectedFinding {
  messageId: string;
  address: string;
  status?: 'fail' | 'unknown';
  /** `main.tf:12`. */
  at: string;
  data?: Record<string, string | number>;
}

export interface InvalidCase extends TableCase {
  expected: ExpectedFinding[];
}

/**
 * Declares the valid and invalid tables of one rule. A valid case must yield
 * no finding of the rule, an invalid case exactly the expected findings, in
 * order of file and line.
 */
export function ruleTables(ruleId: string, valid: TableCase[], invalid: InvalidCase[]): void {
  checkTables(valid, invalid);
  describe(`${ruleId} end to end`, () => {
    for (const entry of valid) {
      it(`valid: ${entry.name}`, async () => {
        const findings = await scanFiles([ruleId], entry.files, entry.varFiles);
        expect(findings.map((finding) => finding.message)).toEqual([]);
      });
    }
    for (const entry of invalid) {
      it(`invalid: ${entry.name}`, async () => {
        const findings = await scanFiles([ruleId], entry.files, entry.varFiles);
        const actual = findings.map((finding) => ({
          messageId: finding.messageId,
          address: finding.address,
          status: finding.status,
          at: whereOf(finding),
        }));
        const expectedRows = entry.expected.map(({ data: _data, ...rest }) => ({ status: 'fail', ...rest }));
        expect(actual).toEqual(expectedRows);
        entry.expected.forEach((expected, i) => {
          if (expected.data !== undefined) expect(findings[i]?.data).toMatchObject(expected.data);
        });
      });
    }
  });
}

/** Rejects a malformed table: duplicate names, or an invalid case that expects nothing. */
function checkTables(valid: TableCase[], invalid: InvalidCase[]): void {
  const names = [...valid, ...invalid].map((entry) => entry.name);
  const duplicate = names.find((name, i) => names.indexOf(name) !== i);
  if (duplicate !== undefined) throw new Error(`Duplicate table case name: ${duplicate}.`);
  const empty = invalid.find((entry) => entry.expected.length === 0);
  if (empty !== undefined) throw new Error(`Invalid case "${empty.name}" expects no finding.`);
}
