import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/reporters/text.ts';
import { failFinding, incompleteResult, ROOT, scanResult } from './scan-result.ts';

const INCOMPLETE_GOLDEN = `main.tf
  main.tf:9:5  HIGH  internet-ingress-dmz-only  [Đ9.2.a]  The internet can reach tcp/22 on aws_security_group.web in the internal zone.
      Fix: Remove the rule or move the host to the DMZ.
      Why reachable:
        1. route 0.0.0.0/0 -> igw aws_internet_gateway.main (net/vpc.tf:12)
        2. ingress tcp 22 from 0.0.0.0/0 (main.tf:9)
      Related: Internet gateway aws_internet_gateway.main (net/vpc.tf:3)

1 suppressed finding not shown.

Could not be evaluated until apply (1)
  good.tf:23:3  internet-ingress-dmz-only  The source of aws_security_group.rdp ingress[1] could not be evaluated.
      value: var.admin_cidr (may be set by broken.auto.tfvars, which could not be parsed)

Unresolved input variables (1)
  var.no_default  used by aws_security_group_rule.mystery

Files not scanned (1)
  broken.tf:7:19  Expected "]" to close the list of cidr_blocks.
      Fix the syntax; the file was not scanned.

Other diagnostics (1)
  main.tf:4:3  warning  non-canonical-cidr  The CIDR 10.0.0.1/24 has host bits set.

1 finding (1 high); 1 file not scanned; 1 result could not be evaluated; 1 suppressed.
`;

describe('text reporter', () => {
  it('matches the golden report of an incomplete scan', () => {
    expect(renderText(incompleteResult(), { color: false })).toBe(INCOMPLETE_GOLDEN);
  });

  it('colours severities only when asked', () => {
    const plain = renderText(scanResult(), { color: false });
    const coloured = renderText(scanResult(), { color: true });
    expect(plain).not.toContain('\u001b[');
    expect(coloured).toContain('\u001b[31mHIGH\u001b[0m');
    expect(coloured.replace(/\u001b\[[0-9;]*m/g, '')).toBe(plain);
  });

  it('says no issues only for a complete clean scan', () => {
    expect(renderText(scanResult({ findings: [] }), { color: false })).toBe(
      'No issues found in 3 files.\n',
    );
  });

  it('never says no issues while files were skipped', () => {
    const result = incompleteResult();
    result.findings = [];
    const text = renderText(result, { color: false });
    expect(text).not.toContain('No issues found');
    expect(text).toContain('but the scan is incomplete: 1 file not scanned.');
  });

  it('never says no issues while results are unknown', () => {
    const result = incompleteResult();
    result.findings = result.findings.filter((f) => f.status === 'unknown');
    result.diagnostics = [];
    const text = renderText(result, { color: false });
    expect(text).not.toContain('No issues found');
    expect(text).toContain('1 result could not be evaluated');
  });

  it('prints Vietnamese labels for a Vietnamese result', () => {
    const text = renderText({ ...incompleteResult(), language: 'vi' }, { color: false });
    expect(text).toContain('main.tf:9:5  CAO  internet-ingress-dmz-only');
    expect(text).toContain('Khắc phục:');
    expect(text).toContain('Chưa thể đánh giá trước khi apply (1)');
    expect(text).toContain('Tệp không được quét (1)');
  });

  it('prints a location without range as the file alone', () => {
    const finding = failFinding({ location: { file: `${ROOT}/plan.json` }, evidence: [], related: [] });
    const text = renderText(scanResult({ findings: [finding] }), { color: false });
    expect(text).toContain('\n  plan.json  HIGH  internet-ingress-dmz-only');
    expect(text).not.toMatch(/plan\.json:0/);
  });

  it('shows the construct path of a cdktf finding', () => {
    const finding = failFinding({ constructPath: 'net/bastion/sg' });
    const text = renderText(scanResult({ findings: [finding] }), { color: false });
    expect(text).toContain('      Construct: net/bastion/sg');
  });

  it('uses POSIX paths relative to the root', () => {
    const finding = failFinding({ location: { file: 'C:\\repo\\infra\\modules\\sg\\main.tf' } });
    const text = renderText(
      scanResult({ root: 'C:\\repo\\infra', findings: [{ ...finding, evidence: [], related: [] }] }),
      { color: false },
    );
    expect(text).toContain('modules/sg/main.tf  HIGH');
  });
});
