import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { memoryIo } from '../cli/memory-io.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

interface JsonFinding {
  ruleId: string;
  status: string;
  location: { file: string; range?: { startLine: number } };
}

async function scanExample(name: string): Promise<{ code: number; findings: JsonFinding[] }> {
  const io = memoryIo(repoRoot);
  const code = await main(['scan', `examples/terraform/${name}`, '--format', 'json'], io);
  const report = JSON.parse(io.out()) as { findings: JsonFinding[] };
  return { code, findings: report.findings };
}

/** The table of examples/terraform/portal-noncompliant/README.md, as rule and file:line. */
const NONCOMPLIANT = [
  'portal-load-balanced compute.tf:1',
  'storage-raid compute.tf:1',
  'portal-db-not-exposed compute.tf:4',
  'portal-two-tier compute.tf:13',
  'portal-web-in-dmz compute.tf:27',
  'routing-source-destination compute.tf:29',
  'data-processing-audit-log database.tf:8',
  'no-default-credentials database.tf:12',
  'portal-db-not-exposed database.tf:15',
  'internet-ingress-dmz-only firewall.tf:18',
  'management-ports-from-management-zone firewall.tf:18',
  'service-insecure-protocol firewall.tf:26',
  'management-ports-from-management-zone firewall.tf:34',
  'service-port-range-wide firewall.tf:34',
  'management-ports-from-management-zone firewall.tf:47',
  'service-insecure-protocol firewall.tf:47',
  'service-port-range-wide firewall.tf:47',
  'zone-firewall-between firewall.tf:47',
  'hosted-portal-agreement network.tf:4',
  'zone-required network.tf:4',
  'zone-unclassified network.tf:38',
  'internet-content-filter network.tf:62',
  'internet-edge-firewall network.tf:62',
  'internet-egress-via-access-zone network.tf:62',
];

describe('terraform examples', () => {
  it('non-compliant portal reports each rule at its line', async () => {
    const { code, findings } = await scanExample('portal-noncompliant');
    const seen = findings.map(
      (finding) => `${finding.ruleId} ${finding.location.file}:${finding.location.range?.startLine}`,
    );
    expect(code).toBe(1);
    expect([...seen].sort()).toEqual([...NONCOMPLIANT].sort());
  });

  it('compliant portal exits 0 with no finding', async () => {
    const { code, findings } = await scanExample('portal-compliant');
    expect(findings).toEqual([]);
    expect(code).toBe(0);
  });

  it('datacenter profile exits 0 with no finding', async () => {
    const { code, findings } = await scanExample('datacenter');
    expect(findings).toEqual([]);
    expect(code).toBe(0);
  });
});
