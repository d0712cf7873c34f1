import type { Finding, RuleMeta, Severity } from '../engine/types.ts';

/**
 * GitHub code scanning reads `security-severity` as a number from 0.0 to 10.0
 * and buckets it: over 9.0 critical, 7.0 to 8.9 high, 4.0 to 6.9 medium,
 * 0.1 to 3.9 low, and 0.0 none.
 */
export const SECURITY_SEVERITY: Record<Severity, string> = {
  critical: '9.5',
  high: '8.0',
  medium: '5.5',
  low: '3.0',
  info: '0.0',
};

export type SarifLevel = 'error' | 'warning' | 'note' | 'none';

export function sarifLevel(severity: Severity): SarifLevel {
  if (severity === 'critical' || severity === 'high') return 'error';
  if (severity === 'medium') return 'warning';
  return 'note';
}

/** Describes one rule of the pack as a SARIF `reportingDescriptor`, with the Vietnamese texts in properties. */
export function ruleDescriptor(meta: RuleMeta): Record<string, unknown> {
  return {
    id: meta.id,
    name: pascalCase(meta.id),
    shortDescription: { text: meta.title.en },
    fullDescription: { text: meta.description.en },
    help: {
      text: meta.remediation.en,
      markdown: `**${meta.title.en}** (${meta.articles.join(', ')})\n\n${meta.remediation.en}`,
    },
    defaultConfiguration: { level: sarifLevel(meta.severity) },
    properties: {
      articles: meta.articles,
      tags: ['security', 'tchq-2926', ...meta.articles],
      'security-severity': SECURITY_SEVERITY[meta.severity],
      severity: meta.severity,
      advisory: meta.advisory,
      titleVi: meta.title.vi,
      descriptionVi: meta.description.vi,
      remediationVi: meta.remediation.vi,
    },
  };
}

/** Describes a rule from its finding when the result has no metadata for it. */
export function descriptorFromFinding(finding: Finding): Record<string, unknown> {
  return {
    id: finding.ruleId,
    name: pascalCase(finding.ruleId),
    shortDescription: { text: finding.english.title },
    help: { text: finding.english.remediation, markdown: finding.english.remediation },
    defaultConfiguration: { level: sarifLevel(finding.severity) },
    properties: {
      articles: finding.articles,
      tags: ['security', 'tchq-2926', ...finding.articles],
      'security-severity': SECURITY_SEVERITY[finding.severity],
      severity: finding.severity,
    },
  };
}

/**
 * Returns the Vietnamese message of a finding: the rendered one when the scan ran in
 * Vietnamese, otherwise the rule's template filled with the finding's data.
 */
export function vietnameseMessage(finding: Finding, language: string, meta?: RuleMeta): string | undefined {
  if (language === 'vi') return finding.message;
  const template = meta?.messages[finding.messageId]?.vi;
  if (template === undefined) return undefined;
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    name in finding.data ? String(finding.data[name]) : placeholder,
  );
}

function pascalCase(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter((part) => part.length > 0)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');
}
