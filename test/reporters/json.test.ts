import { describe, expect, it } from 'vitest';
import { renderJson } from '../../src/reporters/json.ts';
import { incompleteResult } from './scan-result.ts';

describe('json reporter', () => {
  const report = JSON.parse(renderJson(incompleteResult()));

  it('has the documented top-level fields', () => {
    expect(Object.keys(report)).toEqual([
      'version',
      'tool',
      'root',
      'language',
      'files',
      'findings',
      'notEvaluated',
      'diagnostics',
      'unresolvedVariables',
      'skippedRules',
      'summary',
    ]);
    expect(report.version).toBe(1);
    expect(report.tool).toEqual({ name: 'zoneguard', version: '0.1.0' });
  });

  it('makes every path relative to the root', () => {
    expect(report.files).toEqual(['main.tf', 'good.tf', 'net/vpc.tf']);
    expect(report.findings[0].location.file).toBe('main.tf');
    expect(report.findings[0].related[0].location.file).toBe('net/vpc.tf');
    expect(report.findings[0].evidence[0].location.file).toBe('net/vpc.tf');
    expect(report.diagnostics[0].location.file).toBe('broken.tf');
  });

  it('keeps suppressed findings with their suppression', () => {
    const suppressed = report.findings.filter((f: { suppression?: unknown }) => f.suppression);
    expect(suppressed).toHaveLength(1);
    expect(suppressed[0].suppression.reason).toBe('Bastion host, approved by security team');
  });

  it('lists unknown results under notEvaluated with value and reason', () => {
    expect(report.notEvaluated).toHaveLength(1);
    expect(report.notEvaluated[0].unknown).toEqual({
      origin: 'var.admin_cidr',
      reason: 'may be set by broken.auto.tfvars, which could not be parsed',
    });
    expect(report.findings.every((f: { status: string }) => f.status === 'fail')).toBe(true);
  });

  it('summarises counts and completeness', () => {
    expect(report.summary.bySeverity.high).toBe(1);
    expect(report.summary.findings).toBe(1);
    expect(report.summary.suppressed).toBe(1);
    expect(report.summary.notEvaluated).toBe(1);
    expect(report.summary.filesNotScanned).toBe(1);
    expect(report.summary.complete).toBe(false);
  });

  it('keeps every Finding field', () => {
    const fields = Object.keys(report.findings[0]);
    for (const field of ['ruleId', 'severity', 'articles', 'message', 'english', 'fingerprint', 'data']) {
      expect(fields).toContain(field);
    }
  });
});
