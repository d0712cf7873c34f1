import { describe, expect, it } from 'vitest';
import { runOnHcl } from '../../harness.ts';
import { designText, lineOf, runDesign, summary } from './run-design.ts';

/** A table of [date] cases: `dates` are `evidenceDates` entries in flow style. */
export interface DateTable {
  valid: Array<{ name: string; dates: string[] }>;
  invalid: Array<{ name: string; dates: string[]; expected: Array<[messageId: string, lineHolding: string, what: unknown]> }>;
}

function datesText(dates: string[]): string {
  return dates.length === 0 ? '' : ['evidenceDates:', ...dates.map((entry) => `  - ${entry}`)].join('\n');
}

/** Runs a [date] rule's table on design files scanned on 2025-06-01. */
export function dateTable(ruleId: string, table: DateTable): void {
  describe(ruleId, () => {
    for (const { name, dates } of table.valid) {
      it(`passes ${name}`, async () => {
        expect(await runDesign(ruleId, designText(datesText(dates)))).toEqual([]);
      });
    }
    for (const { name, dates, expected } of table.invalid) {
      it(`reports ${name}`, async () => {
        const text = designText(datesText(dates));
        const findings = await runDesign(ruleId, text);
        const shown = summary(findings, ['kind']).map(([id, line, kind], index) => [id, line, kind ?? findings[index]?.data['what']]);
        expect(shown).toEqual(expected.map(([id, at, what]) => [id, lineOf(text, at), what]));
      });
    }
    it('stays silent on Terraform, which records no dates', async () => {
      const { findings } = await runOnHcl({ 'main.tf': 'resource "aws_vpc" "main" {\n  cidr_block = "10.0.0.0/16"\n}\n' }, { ruleIds: [ruleId] });
      expect(findings).toEqual([]);
    });
  });
}
