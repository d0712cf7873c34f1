import { describe, expect, it } from 'vitest';
import { FLOW_RULES, scanFiles, summaryOf } from '../engine/rules/flow-fixtures/pipeline.ts';
import { caseFile } from '../fixtures/cases/read.ts';

const MAIN = caseFile('case-04', 'main.tf');

describe('security-group sources', () => {
  it('resolves groups to zones and keeps the CIDR next to a group', async () => {
    const findings = await scanFiles(FLOW_RULES, { 'main.tf': MAIN });
    expect(summaryOf(findings)).toEqual([
      'internet-ingress-dmz-only aws_security_group.web fail',
      'management-ports-from-management-zone aws_security_group.web fail',
      'management-ports-from-management-zone aws_security_group.web unknown',
    ]);
  });

  it('locates the CIDR findings in the second block and names 0.0.0.0/0', async () => {
    const findings = await scanFiles(FLOW_RULES, { 'main.tf': MAIN });
    const failures = findings.filter((finding) => finding.status === 'fail');
    for (const finding of failures) {
      expect(finding.location.range?.startLine).toBeGreaterThanOrEqual(37);
      expect(finding.location.range?.startLine).toBeLessThanOrEqual(43);
      expect(finding.data.source).toBe('0.0.0.0/0');
    }
    const management = failures.find((finding) => finding.ruleId === 'management-ports-from-management-zone');
    expect(management?.data.services).toBe('rdp tcp 3389');
  });

  it('gives an unverified note for the undefined group, not the internet', async () => {
    const findings = await scanFiles(FLOW_RULES, { 'main.tf': MAIN });
    const note = findings.find((finding) => finding.status === 'unknown');
    expect(note?.messageId).toBe('unverified-group');
    expect(note?.message).toContain('sg-0123456789abcdef0');
    expect(note?.message).not.toContain('internet');
  });
});
