import { describe, expect, it } from 'vitest';
import { diagnosticsOf, outcomeOf, scanFiles } from './scan-files.ts';

/** One security group that opens ssh and ftp to the internet: three flow rules fire. */
function group(name: string, before = '', attribute = '', header = ''): string {
  return `${before}resource "aws_security_group" "${name}" {${header}
  name   = "${name}"
  vpc_id = "vpc-1"

  ingress {
    protocol    = "tcp"
    from_port   = 21
    to_port     = 22
    cidr_blocks = ["0.0.0.0/0"]${attribute}
  }
}
`;
}
const FLOW = { ruleIds: ['internet-ingress-dmz-only', 'management-ports-from-management-zone', 'service-insecure-protocol'] };

describe('inline suppressions in HCL', () => {
  it('takes several rule ids from one comment, written with //', async () => {
    const text = group('web', '// zoneguard:ignore internet-ingress-dmz-only, Service-Insecure-Protocol -- vendor link, ticket OPS-1\n');
    const result = await scanFiles({ 'main.tf': text }, FLOW);
    expect(outcomeOf(result.findings)).toEqual([
      'internet-ingress-dmz-only aws_security_group.web suppressed(inline)',
      'management-ports-from-management-zone aws_security_group.web',
      'service-insecure-protocol aws_security_group.web suppressed(inline)',
    ]);
  });

  it('applies a comment at the end of the block header line', async () => {
    const text = group('web', '', '', ' # zoneguard:ignore management-ports-from-management-zone -- jump host, ticket OPS-2');
    const result = await scanFiles({ 'main.tf': text }, FLOW);
    expect(result.findings.filter((f) => f.suppression).map((f) => f.ruleId)).toEqual(['management-ports-from-management-zone']);
  });

  it('applies a comment directly above the attribute line, but not one separated by a blank line', async () => {
    const above = group('web').replace('    cidr_blocks', '    # zoneguard:ignore service-insecure-protocol -- legacy ftp, ticket OPS-3\n    cidr_blocks');
    const applied = await scanFiles({ 'main.tf': above }, FLOW);
    expect(applied.findings.filter((f) => f.suppression).map((f) => f.ruleId)).toEqual(['service-insecure-protocol']);
    const gap = group('web', '# zoneguard:ignore service-insecure-protocol -- legacy ftp, ticket OPS-3\n\n');
    const missed = await scanFiles({ 'main.tf': gap }, FLOW);
    expect(missed.findings.some((f) => f.suppression)).toBe(false);
    expect(diagnosticsOf(missed, 'suppression-unused')).toEqual(['1: The suppression of service-insecure-protocol matched no finding.']);
  });

  it('reports a suppression without a reason at its line and does not apply it', async () => {
    const text = group('web', '# zoneguard:ignore service-insecure-protocol\n');
    const result = await scanFiles({ 'main.tf': text }, FLOW);
    expect(result.findings.some((f) => f.suppression)).toBe(false);
    const invalid = result.diagnostics.find((d) => d.code === 'suppression-invalid');
    expect(invalid).toMatchObject({ severity: 'warning', location: { range: { startLine: 1 } } });
    expect(invalid?.message).toContain('gives no reason');
  });

  it('stops applying an expired suppression and says so, by the injected clock', async () => {
    const text = group('web', '# zoneguard:ignore service-insecure-protocol -- until the migration, until 2026-02-28\n');
    const expired = await scanFiles({ 'main.tf': text }, FLOW);
    expect(expired.findings.some((f) => f.suppression)).toBe(false);
    expect(diagnosticsOf(expired, 'suppression-expired')).toEqual([
      '1: The suppression of service-insecure-protocol expired on 2026-02-28 and no longer applies.',
    ]);
    const current = await scanFiles({ 'main.tf': text }, { ...FLOW, now: new Date('2026-02-28T23:00:00Z') });
    const suppressed = current.findings.find((f) => f.suppression);
    expect(suppressed?.suppression).toMatchObject({ kind: 'inline', reason: 'until the migration', expires: '2026-02-28' });
  });

  it('reads suppressions from "//" keys of .tf.json files', async () => {
    const json = JSON.stringify({
      resource: { aws_security_group: { web: {
        '//': 'zoneguard:ignore internet-ingress-dmz-only -- json front door, ticket OPS-4',
        name: 'web', vpc_id: 'vpc-1',
        ingress: [{ protocol: 'tcp', from_port: 8443, to_port: 8443, cidr_blocks: ['10.9.0.0/16', '0.0.0.0/0'] }],
      } } },
    }, null, 2);
    const result = await scanFiles({ 'main.tf.json': json }, { ruleIds: ['internet-ingress-dmz-only'] });
    expect(result.findings.length).toBeGreaterThan(0);
    expect(outcomeOf(result.findings).every((line) => line.endsWith('suppressed(inline)'))).toBe(true);
  });
});
