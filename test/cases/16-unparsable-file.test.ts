import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { memoryIo } from '../cli/memory-io.ts';
import { writeRepo } from '../cli/terraform-fixtures.ts';
import { FLOW_RULES, scanFiles, summaryOf } from '../engine/rules/flow-fixtures/pipeline.ts';

const GOOD = `variable "admin_cidr" {
  type    = string
  default = "10.50.0.0/24"
}

resource "aws_subnet" "mgmt" {
  vpc_id     = "vpc-1"
  cidr_block = "10.50.0.0/24"
  tags       = { Zone = "management" }
}

resource "aws_security_group" "rdp" {
  name   = "rdp"
  vpc_id = "vpc-1"

  ingress {
    protocol    = "tcp"
    from_port   = 3389
    to_port     = 3389
    cidr_blocks = ["0.0.0.0/0"]
  }

  ingress {
    protocol    = "tcp"
    from_port   = 22
    to_port     = 22
    cidr_blocks = [var.admin_cidr]
  }
}
`;
const BROKEN = `resource "aws_security_group" "half" {
  name = "half"
  ingress {
    protocol    = "tcp"
    from_port   = 22
    to_port     = 22
    cidr_blocks = ["0.0.0.0/0"
  }
}
`;
const BROKEN_VARS = `admin_cidr =
`;

describe('one unparsable file', () => {
  it('reports the rdp group of good.tf', async () => {
    const findings = await scanFiles(
      ['internet-ingress-dmz-only', 'management-ports-from-management-zone'],
      { 'good.tf': GOOD, 'broken.tf': BROKEN, 'broken.auto.tfvars': BROKEN_VARS },
    );
    const rdp = findings.filter((finding) => finding.address === 'aws_security_group.rdp');
    const byBlock = rdp.map((finding) => `${finding.ruleId} ${finding.status} ${finding.location.range?.startLine}`).sort();
    expect(byBlock).toEqual([
      'internet-ingress-dmz-only fail 20',
      'internet-ingress-dmz-only unknown 27',
      'management-ports-from-management-zone fail 20',
      'management-ports-from-management-zone unknown 27',
    ]);
    const management = rdp.find((finding) => finding.ruleId === 'management-ports-from-management-zone' && finding.status === 'fail');
    expect(management?.data.services).toBe('rdp tcp 3389');
  });

  describe('through the command line', () => {
    const STACK_FRAME = /^\s+at .+:\d+:\d+\)?$/m;
    const repo = () => writeRepo({ 'good.tf': GOOD, 'broken.tf': BROKEN, 'broken.auto.tfvars': BROKEN_VARS });

    async function scanWith(format: string) {
      const io = memoryIo(repo());
      const exit = await main(['scan', '--format', format], io);
      expect(io.out()).not.toMatch(STACK_FRAME);
      expect(io.err()).not.toMatch(STACK_FRAME);
      return { exit, out: io.out() };
    }

    it('exits 2 despite findings, and the text report lists both files not scanned', async () => {
      const { exit, out } = await scanWith('text');
      expect(exit).toBe(2);
      expect(out).toContain('Files not scanned (2)');
      expect(out).toMatch(/broken\.tf:[78]:\d+ /);
      expect(out).toMatch(/broken\.auto\.tfvars:1:\d+ /);
      expect(out).toContain('management-ports-from-management-zone');
      expect(out).not.toMatch(/no issues found/i);
    });

    it('puts each parse error, with line and column, in the JSON report', async () => {
      const { exit, out } = await scanWith('json');
      expect(exit).toBe(2);
      const errors = JSON.parse(out).diagnostics.filter((diagnostic: { code: string }) => diagnostic.code === 'parse-error');
      const where = errors.map((error: { location: { file: string; range: { startLine: number; startColumn: number } } }) => error.location);
      expect(where.map((location: { file: string }) => location.file).sort()).toEqual(['broken.auto.tfvars', 'broken.tf']);
      const broken = where.find((location: { file: string }) => location.file === 'broken.tf');
      expect([7, 8]).toContain(broken.range.startLine);
      expect(broken.range.startColumn).toBeGreaterThan(0);
    });

    it('lists each parse error in SARIF under toolExecutionNotifications with level error', async () => {
      const { exit, out } = await scanWith('sarif');
      expect(exit).toBe(2);
      const notifications = JSON.parse(out).runs[0].invocations[0].toolExecutionNotifications as Array<{
        level: string;
        locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }>;
      }>;
      const files = notifications
        .filter((notification) => notification.level === 'error')
        .map((notification) => notification.locations[0]!.physicalLocation.artifactLocation.uri);
      expect(files.sort()).toEqual(['broken.auto.tfvars', 'broken.tf']);
    });
  });
});
