import type { ScanResult } from '../../../src/engine/result.ts';
import type { Finding } from '../../../src/engine/types.ts';
import { failFinding, scanResult } from '../scan-result.ts';

/** A zoning finding about an inline rule of `aws_security_group.web`. */
export function flowFinding(ruleId: string, path: string, overrides: Partial<Finding> = {}): Finding {
  return failFinding({
    ruleId,
    articles: ['Đ9.2.a'],
    address: 'aws_security_group.web',
    data: { rule: `aws_security_group.web ${path}` },
    fingerprint: `${ruleId}-${path}`,
    ...overrides,
  });
}

/**
 * Two sites: a portal VPC whose name needs escaping, with the internet
 * reaching the internal zone (a violation), and a second VPC with one flow.
 */
export function zoneResult(overrides: Partial<ScanResult> = {}): ScanResult {
  return scanResult({
    findings: [
      flowFinding('internet-ingress-dmz-only', 'ingress[1]'),
      flowFinding('management-ports-from-management-zone', 'ingress[1]'),
      // Suppressed, and not a zoning article: neither may colour a flow.
      flowFinding('zone-firewall-between', 'ingress[0]', { suppression: { kind: 'inline', reason: 'approved' } }),
      flowFinding('service-port-range-wide', 'ingress[2]', { articles: ['Đ16.1.d'] }),
    ],
    zones: [
      {
        site: 'aws_vpc.portal["a<b>|\\"#1"]',
        segments: [
          segment('aws_subnet.public', 'dmz'),
          segment('aws_subnet.app', 'internal'),
          segment('aws_subnet.scratch', undefined),
        ],
      },
      { site: 'aws_vpc.admin', segments: [segment('aws_subnet.mgmt', 'management')] },
    ],
    matrix: [
      {
        site: 'aws_vpc.portal["a<b>|\\"#1"]',
        cells: [
          {
            from: 'internet',
            to: 'internal',
            services: [{ protocol: 'tcp', ports: [{ from: 443, to: 443 }, { from: 22, to: 22 }] }],
            ruleIds: ['aws_security_group.web/ingress[1]'],
          },
          {
            from: 'dmz',
            to: 'internal',
            services: [
              { protocol: 'udp', ports: [{ from: 53, to: 53 }] },
              { protocol: 'tcp', ports: [{ from: 8000, to: 8999 }] },
            ],
            ruleIds: ['aws_security_group.web/ingress[0]', 'aws_security_group.web/ingress[2]'],
          },
          { from: 'internet', to: 'dmz', services: [{ protocol: 'all', ports: [{ from: 0, to: 65535 }] }], ruleIds: ['aws_security_group.lb'] },
        ],
      },
      {
        site: 'aws_vpc.admin',
        cells: [{ from: 'outside', to: 'management', services: [{ protocol: 'icmp', ports: [] }], ruleIds: ['aws_security_group.vpn'] }],
      },
    ],
    ...overrides,
  });
}

function segment(address: string, zone: 'dmz' | 'internal' | 'management' | undefined) {
  const location = { file: '/repo/infra/network.tf', range: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 2 } };
  return { address, cidrs: ['10.0.0.0/24'], evidence: [], location, ...(zone ? { zone } : {}) };
}
