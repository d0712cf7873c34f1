import { describe, expect, it } from 'vitest';
import { FLOW_RULES, scanFiles, summaryOf } from '../engine/rules/flow-fixtures/pipeline.ts';
import { diagnosticsOf, outcomeOf, scanFiles as scanWithSuppressions } from '../engine/suppressions/scan-files.ts';

const MAIN = `# zoneguard:ignore management-ports-from-management-zone -- break-glass bastion, ticket OPS-12
# zoneguard:ignore internet-ingress-dmz-only -- break-glass bastion, ticket OPS-12
resource "aws_security_group" "bastion" {
  name   = "bastion"
  vpc_id = "vpc-1"

  ingress {
    protocol    = "tcp"
    from_port   = 22
    to_port     = 22
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_security_group" "ftp" {
  name   = "ftp"
  vpc_id = "vpc-1"

  ingress {
    protocol    = "tcp"
    from_port   = 21
    to_port     = 21
    cidr_blocks = ["0.0.0.0/0"] # zoneguard:ignore SERVICE-INSECURE-PROTOCOL -- supplier uploads, ticket OPS-31
  }
}

resource "aws_security_group" "wrong_id" {
  name   = "wrong-id"
  vpc_id = "vpc-1"

  ingress {
    protocol    = "tcp"
    from_port   = 22
    to_port     = 22
    cidr_blocks = ["0.0.0.0/0"] # zoneguard:ignore service-insecure-protocol -- legacy access, ticket OPS-40
  }
}

resource "aws_instance" "file_server" {
  ami           = "ami-444"
  instance_type = "m5.large"
  # zoneguard:ignore storage-raid -- data disk mirrored by the operating system
  ebs_block_device {
    device_name = "/dev/sdf"
    volume_size = 500
  }
}
`;

describe('flow findings before suppressions', () => {
  it('reports each group with the rules the case names', async () => {
    const findings = await scanFiles(FLOW_RULES, { 'main.tf': MAIN });
    const fromGroups = findings.filter((finding) => finding.address.startsWith('aws_security_group.'));
    expect(summaryOf(fromGroups)).toEqual([
      'internet-ingress-dmz-only aws_security_group.bastion fail',
      'internet-ingress-dmz-only aws_security_group.ftp fail',
      'internet-ingress-dmz-only aws_security_group.wrong_id fail',
      'management-ports-from-management-zone aws_security_group.bastion fail',
      'management-ports-from-management-zone aws_security_group.wrong_id fail',
      'service-insecure-protocol aws_security_group.ftp fail',
    ]);
  });

  it('points the ftp finding at the cidr_blocks line', async () => {
    const findings = await scanFiles(['service-insecure-protocol'], { 'main.tf': MAIN });
    expect(findings[0]?.location.range?.startLine).toBe(23);
    expect(findings[0]?.data.services).toBe('ftp tcp 21');
  });
});

describe('suppression placement', () => {
  it('applies the suppressions above the header and at the end of the attribute line', async () => {
    const result = await scanWithSuppressions({ 'main.tf': MAIN }, { ruleIds: [...FLOW_RULES, 'storage-raid'] });
    expect(outcomeOf(result.findings)).toEqual([
      'internet-ingress-dmz-only aws_security_group.bastion suppressed(inline)',
      'internet-ingress-dmz-only aws_security_group.ftp',
      'internet-ingress-dmz-only aws_security_group.wrong_id',
      'management-ports-from-management-zone aws_security_group.bastion suppressed(inline)',
      'management-ports-from-management-zone aws_security_group.wrong_id',
      'service-insecure-protocol aws_security_group.ftp suppressed(inline)',
      'storage-raid aws_instance.file_server',
    ]);
  });

  it('keeps the reason and the line of the comment on each suppressed finding', async () => {
    const result = await scanWithSuppressions({ 'main.tf': MAIN }, { ruleIds: [...FLOW_RULES] });
    const ftp = result.findings.find((f) => f.ruleId === 'service-insecure-protocol');
    expect(ftp?.suppression?.reason).toBe('supplier uploads, ticket OPS-31');
    expect(ftp?.suppression?.location?.range?.startLine).toBe(23);
    const bastion = result.findings.filter((f) => f.address === 'aws_security_group.bastion');
    expect(bastion.map((f) => f.suppression?.location?.range?.startLine).sort()).toEqual([1, 2]);
  });

  it('says on line 35 that the suppression of the wrong rule matched nothing', async () => {
    const result = await scanWithSuppressions({ 'main.tf': MAIN }, { ruleIds: [...FLOW_RULES, 'storage-raid'] });
    const unused = diagnosticsOf(result, 'suppression-unused');
    expect(unused).toContain('35: The suppression of service-insecure-protocol matched no finding.');
    expect(result.diagnostics.find((d) => d.location?.range?.startLine === 35)?.severity).toBe('info');
  });

  it('does not let a comment inside the block suppress a finding on the header, and says where it must go', async () => {
    const result = await scanWithSuppressions({ 'main.tf': MAIN }, { ruleIds: ['storage-raid'] });
    const raid = result.findings.find((f) => f.ruleId === 'storage-raid');
    expect(raid?.location.range?.startLine).toBe(39);
    expect(raid?.suppression).toBeUndefined();
    const note = raid?.related.find((r) => r.location.range?.startLine === 42);
    expect(note?.message).toContain('must go directly above line 39');
    const unused = result.diagnostics.find((d) => d.code === 'suppression-unused' && d.subject === 'storage-raid');
    expect(unused?.location?.range?.startLine).toBe(42);
    expect(unused?.hint).toContain('above line 39');
  });

  it('counts the three suppressions in the text report and keeps them in JSON and SARIF', async () => {
    const { renderText } = await import('../../src/reporters/text.ts');
    const { buildJsonReport } = await import('../../src/reporters/json.ts');
    const { renderSarif } = await import('../../src/reporters/sarif.ts');
    const result = await scanWithSuppressions({ 'main.tf': MAIN }, { ruleIds: [...FLOW_RULES, 'storage-raid'] });
    expect(renderText(result, { color: false })).toContain('3 suppressed');
    const json = buildJsonReport(result);
    const kept = json.findings.filter((f) => f.suppression !== undefined);
    expect(kept.map((f) => f.suppression?.reason).sort()).toEqual([
      'break-glass bastion, ticket OPS-12',
      'break-glass bastion, ticket OPS-12',
      'supplier uploads, ticket OPS-31',
    ]);
    const sarif = JSON.parse(renderSarif(result)) as { runs: Array<{ results: Array<{ suppressions?: Array<{ kind: string; justification: string }> }> }> };
    const suppressions = sarif.runs[0]!.results.flatMap((r) => r.suppressions ?? []);
    expect(suppressions).toContainEqual(expect.objectContaining({ kind: 'inSource', justification: 'supplier uploads, ticket OPS-31' }));
    expect(suppressions).toHaveLength(3);
  });
});
