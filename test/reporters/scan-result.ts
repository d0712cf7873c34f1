import type { ScanResult } from '../../src/engine/result.ts';
import type { Finding, RuleMeta } from '../../src/engine/types.ts';
import { Unknown } from '../../src/model/unknown.ts';

export const ROOT = '/repo/infra';

export const RULE: RuleMeta = {
  id: 'internet-ingress-dmz-only',
  title: {
    en: 'Let only the DMZ receive traffic from outside',
    vi: 'Chỉ cho phép vùng DMZ nhận truy cập từ bên ngoài',
  },
  articles: ['Đ9.2.a'],
  severity: 'high',
  description: { en: 'Only the DMZ may be reachable from the internet.', vi: 'Chỉ vùng DMZ được truy cập từ Internet.' },
  remediation: { en: 'Remove the rule or move the host to the DMZ.', vi: 'Xóa quy tắc hoặc chuyển máy chủ vào DMZ.' },
  messages: {
    'reaches-zone': {
      en: '{source} can reach {ports} on {target} in the {zone} zone.',
      vi: '{source} có thể truy cập {ports} trên {target} thuộc vùng {zone}.',
    },
  },
  parameters: {},
  defaultParameters: [],
  advisory: false,
  centralSuppressionOnly: false,
};

/** A failure at `main.tf:9:5` with a two-step evidence chain, in English. */
export function failFinding(overrides: Partial<Finding> = {}): Finding {
  const message = 'The internet can reach tcp/22 on aws_security_group.web in the internal zone.';
  return {
    ruleId: RULE.id,
    status: 'fail',
    severity: 'high',
    articles: ['Đ9.2.a'],
    title: RULE.title.en,
    message,
    remediation: RULE.remediation.en,
    english: { title: RULE.title.en, message, remediation: RULE.remediation.en },
    messageId: 'reaches-zone',
    data: { source: 'The internet', ports: 'tcp/22', target: 'aws_security_group.web', zone: 'internal' },
    address: 'aws_security_group.web',
    location: { file: `${ROOT}/main.tf`, range: { startLine: 9, startColumn: 5, endLine: 9, endColumn: 35 } },
    related: [
      {
        location: { file: `${ROOT}/net/vpc.tf`, range: { startLine: 3, startColumn: 1, endLine: 6, endColumn: 2 } },
        message: 'Internet gateway aws_internet_gateway.main',
      },
    ],
    evidence: [
      {
        kind: 'internet-gateway',
        text: 'route 0.0.0.0/0 -> igw aws_internet_gateway.main',
        address: 'aws_route_table.public',
        location: { file: `${ROOT}/net/vpc.tf`, range: { startLine: 12, startColumn: 3, endLine: 15, endColumn: 4 } },
      },
      {
        kind: 'group-rule',
        text: 'ingress tcp 22 from 0.0.0.0/0',
        address: 'aws_security_group.web',
        location: { file: `${ROOT}/main.tf`, range: { startLine: 9, startColumn: 5, endLine: 9, endColumn: 35 } },
      },
    ],
    fingerprint: 'fp-web-ssh',
    restsOn: [],
    ...overrides,
  };
}

/** A result that could not be evaluated because `var.admin_cidr` has no value. */
export function unknownFinding(): Finding {
  return failFinding({
    status: 'unknown',
    message: 'The source of aws_security_group.rdp ingress[1] could not be evaluated.',
    address: 'aws_security_group.rdp',
    location: { file: `${ROOT}/good.tf`, range: { startLine: 23, startColumn: 3, endLine: 28, endColumn: 4 } },
    related: [],
    evidence: [],
    fingerprint: 'fp-rdp-unknown',
    unknown: new Unknown('may be set by broken.auto.tfvars, which could not be parsed', 'var.admin_cidr'),
  });
}

export function scanResult(overrides: Partial<ScanResult> = {}): ScanResult {
  return {
    root: ROOT,
    files: [`${ROOT}/main.tf`, `${ROOT}/good.tf`, `${ROOT}/net/vpc.tf`],
    findings: [failFinding()],
    diagnostics: [],
    unresolvedVariables: [],
    rules: [RULE],
    language: 'en',
    toolVersion: '0.1.0',
    ...overrides,
  };
}

/** A scan with a broken file: findings, a parse error and an unknown result. */
export function incompleteResult(): ScanResult {
  return scanResult({
    findings: [
      failFinding(),
      unknownFinding(),
      failFinding({
        fingerprint: 'fp-suppressed',
        suppression: { kind: 'inline', reason: 'Bastion host, approved by security team' },
      }),
    ],
    diagnostics: [
      {
        code: 'parse-error',
        severity: 'error',
        message: 'Expected "]" to close the list of cidr_blocks.',
        hint: 'Fix the syntax; the file was not scanned.',
        location: { file: `${ROOT}/broken.tf`, range: { startLine: 7, startColumn: 19, endLine: 7, endColumn: 20 } },
      },
      {
        code: 'non-canonical-cidr',
        severity: 'warning',
        message: 'The CIDR 10.0.0.1/24 has host bits set.',
        location: { file: `${ROOT}/main.tf`, range: { startLine: 4, startColumn: 3, endLine: 4, endColumn: 20 } },
      },
    ],
    unresolvedVariables: [{ variable: 'var.no_default', usedBy: ['aws_security_group_rule.mystery'] }],
  });
}
