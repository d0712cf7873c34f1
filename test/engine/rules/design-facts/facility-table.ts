import { describe, expect, it } from 'vitest';
import { runOnHcl } from '../../harness.ts';
import { designText, lineOf, runDesign, summary } from './run-design.ts';

/** A facility block that meets every facility rule, as site lines. */
export const FULL_FACILITY = `role: dc
facility:
  dedicatedRoom: true
  accessControl: true
  cablingProtected: true
  raisedFloor: true
  dryAndClean: true
  noDirectSunlight: true
  temperatureControlled: true
  humidityControlled: true
  power: { lines: 2, generator: true, generatorFuelHours: 24, ups: true, upsTested: "2025-02-01" }
  fire: { suppressionSystem: true, agent: FM-200, extinguishers: true }
  grounding: true
  lightningProtection: true
  surgeProtection: true
  cooling: { units: 2, standby: 1, runs24x7: true }
  cctv: { hours24x7: true, recorded: true, monitored: true }`;

/** FULL_FACILITY with the text `from` replaced by `to`. */
export function facilityWith(from: string, to: string): string {
  if (!FULL_FACILITY.includes(from)) throw new Error(`"${from}" is not in the facility block`);
  return FULL_FACILITY.replace(from, to);
}

export interface FacilityCase {
  name: string;
  site: string;
  /** messageId, text on the line the finding points at, field. */
  expected: Array<[string, string, string | undefined]>;
}

/** Runs a facility rule: the full block passes, each case fails as listed, code stays silent. */
export function facilityTable(ruleId: string, invalid: FacilityCase[], valid: Array<{ name: string; site: string }> = []): void {
  describe(ruleId, () => {
    for (const { name, site } of [{ name: 'a fully equipped server room', site: FULL_FACILITY }, ...valid]) {
      it(`passes ${name}`, async () => {
        expect(await runDesign(ruleId, designText('', site))).toEqual([]);
      });
    }
    for (const { name, site, expected } of invalid) {
      it(`reports ${name}`, async () => {
        const text = designText('', site);
        const findings = await runDesign(ruleId, text);
        expect(summary(findings, ['field'])).toEqual(expected.map(([id, at, field]) => [id, lineOf(text, at), field]));
      });
    }
    it('reports a design site without a facility section', async () => {
      const text = designText('', 'role: dc');
      expect(summary(await runDesign(ruleId, text))).toEqual([['no-facility', lineOf(text, '  dc:')]]);
    });
    it('stays silent on Terraform, which has no server room', async () => {
      const { findings } = await runOnHcl({ 'main.tf': 'resource "aws_vpc" "main" {\n  cidr_block = "10.0.0.0/16"\n}\n' }, { ruleIds: [ruleId] });
      expect(findings).toEqual([]);
    });
  });
}
