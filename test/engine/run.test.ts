import { describe, expect, it } from 'vitest';
import { defineRule } from '../../src/engine/define-rule.ts';
import { fingerprintOf } from '../../src/engine/render/fingerprint.ts';
import { runRules } from '../../src/engine/run.ts';
import type { RuleReport } from '../../src/engine/types.ts';
import { inputFor, originAt, packOf, sampleMeta } from './fixtures.ts';

function reportingRule(...reports: RuleReport[]) {
  return defineRule({
    id: 'sample-rule',
    check(context) {
      reports.forEach((report) => context.report(report));
    },
  });
}

function openPort(address: string, line: number, extra: Partial<RuleReport> = {}): RuleReport {
  return {
    status: 'fail',
    messageId: 'open',
    data: { subject: address, port: 22 },
    address,
    origin: originAt(address, '/repo/main.tf', line),
    detail: 'tcp:22',
    ...extra,
  };
}

describe('runRules', () => {
  it('renders the message in the chosen language and keeps English', () => {
    const pack = packOf([sampleMeta(), reportingRule(openPort('aws_instance.a', 3))]);
    const { findings } = runRules(inputFor(pack, { language: 'vi' }));
    expect(findings[0]?.message).toBe('aws_instance.a mở cổng 22.');
    expect(findings[0]?.english.message).toBe('aws_instance.a opens port 22.');
    expect(findings[0]?.title).toBe('Đóng cổng');
    expect(findings[0]?.english.title).toBe('Close the port');
  });

  it('points at the origin block when the report has no location', () => {
    const pack = packOf([sampleMeta(), reportingRule(openPort('aws_instance.a', 3))]);
    const [finding] = runRules(inputFor(pack)).findings;
    expect(finding?.location.range?.startLine).toBe(3);
  });

  it('turns a throwing rule into a rule-error and goes on', () => {
    const throwing = defineRule({
      id: 'broken-rule',
      check() {
        throw new Error('index out of range');
      },
    });
    const pack = packOf(
      [sampleMeta({ id: 'broken-rule' }), throwing],
      [sampleMeta(), reportingRule(openPort('aws_instance.a', 3))],
    );
    const { findings, diagnostics } = runRules(inputFor(pack));
    expect(findings).toHaveLength(1);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]?.code).toBe('rule-error');
    expect(diagnostics[0]?.subject).toBe('broken-rule');
    expect(diagnostics[0]?.message).toContain('broken-rule');
    expect(diagnostics[0]?.message).toContain('index out of range');
  });

  it('throws on a missing placeholder in strict mode', () => {
    const report = openPort('aws_instance.a', 3, { data: { subject: 'x' } });
    const pack = packOf([sampleMeta(), reportingRule(report)]);
    expect(() => runRules(inputFor(pack, { strict: true }))).toThrow(/\{port\}/);
  });

  it('reports a missing placeholder as a rule error otherwise', () => {
    const report = openPort('aws_instance.a', 3, { data: { subject: 'x' } });
    const { diagnostics } = runRules(inputFor(packOf([sampleMeta(), reportingRule(report)])));
    expect(diagnostics[0]?.code).toBe('rule-error');
  });

  it('rejects a message id the entry does not define', () => {
    const report = openPort('aws_instance.a', 3, { messageId: 'closed' });
    const pack = packOf([sampleMeta(), reportingRule(report)]);
    expect(() => runRules(inputFor(pack, { strict: true }))).toThrow(/closed/);
  });

  it('appends the default note only for parameters still at their default', () => {
    const report = openPort('aws_instance.a', 3, { restsOn: ['ports'] });
    const pack = packOf([sampleMeta(), reportingRule(report)]);
    const [withDefault] = runRules(inputFor(pack)).findings;
    expect(withDefault?.message).toBe(
      "aws_instance.a opens port 22. This finding rests on zoneguard's default for `ports`; set it in .zoneguard.yml.",
    );
    expect(withDefault?.restsOn).toEqual(['ports']);

    const config = { rules: { 'sample-rule': { parameters: { ports: [22] } } } };
    const [configured] = runRules(inputFor(pack, { config })).findings;
    expect(configured?.message).toBe('aws_instance.a opens port 22.');
    expect(configured?.restsOn).toEqual([]);
  });

  it('computes the fingerprint from rule, address and detail', () => {
    const pack = packOf([sampleMeta(), reportingRule(openPort('aws_instance.a', 3))]);
    const [finding] = runRules(inputFor(pack)).findings;
    expect(finding?.fingerprint).toBe(fingerprintOf('sample-rule', 'aws_instance.a', 'tcp:22'));
    expect(finding?.fingerprint).toMatch(/^[0-9a-f]{32}$/);
  });

  it('keeps the fingerprint when the block moves', () => {
    const at = (line: number) =>
      runRules(inputFor(packOf([sampleMeta(), reportingRule(openPort('aws_instance.a', line))])))
        .findings[0]?.fingerprint;
    expect(at(3)).toBe(at(30));
  });

  it('deduplicates identical rule, address and detail', () => {
    const pack = packOf([
      sampleMeta(),
      reportingRule(openPort('aws_instance.a', 3), openPort('aws_instance.a', 3)),
    ]);
    expect(runRules(inputFor(pack)).findings).toHaveLength(1);
  });

  it('sorts by file, line and column', () => {
    const late = openPort('aws_instance.b', 9);
    const early = openPort('aws_instance.a', 2, { detail: 'tcp:23' });
    const other = { ...openPort('aws_instance.c', 1), origin: originAt('aws_instance.c', '/repo/z.tf', 1) };
    const pack = packOf([sampleMeta(), reportingRule(other, late, early)]);
    const addresses = runRules(inputFor(pack)).findings.map((finding) => finding.address);
    expect(addresses).toEqual(['aws_instance.a', 'aws_instance.b', 'aws_instance.c']);
  });

  it('keeps unknown results with their status', () => {
    const report = openPort('aws_instance.a', 3, { status: 'unknown' });
    const [finding] = runRules(inputFor(packOf([sampleMeta(), reportingRule(report)]))).findings;
    expect(finding?.status).toBe('unknown');
  });

  it('uses a report severity unless the config sets one', () => {
    const report = openPort('aws_instance.a', 3, { severity: 'medium' });
    const pack = packOf([sampleMeta(), reportingRule(report)]);
    expect(runRules(inputFor(pack)).findings[0]?.severity).toBe('medium');
    const config = { rules: { 'sample-rule': { severity: 'critical' as const } } };
    expect(runRules(inputFor(pack, { config })).findings[0]?.severity).toBe('critical');
  });

  it('lists skipped rules and does not run them', () => {
    const config = { rules: { 'sample-rule': { skip: { reason: 'not used at this site' } } } };
    const pack = packOf([sampleMeta(), reportingRule(openPort('aws_instance.a', 3))]);
    const result = runRules(inputFor(pack, { config }));
    expect(result.findings).toEqual([]);
    expect(result.skipped).toEqual([{ ruleId: 'sample-rule', reason: 'not used at this site' }]);
  });

  it('runs only the requested rules', () => {
    const pack = packOf(
      [sampleMeta(), reportingRule(openPort('aws_instance.a', 3))],
      [sampleMeta({ id: 'other-rule' }), reportingRule(openPort('aws_instance.b', 4))],
    );
    const result = runRules(inputFor(pack, { ruleIds: ['other-rule'] }));
    expect(result.rules.map((rule) => rule.id)).toEqual(['other-rule']);
  });

  it('reports a requested rule that does not exist', () => {
    const pack = packOf([sampleMeta(), reportingRule()]);
    const result = runRules(inputFor(pack, { ruleIds: ['no-such-rule'] }));
    expect(result.diagnostics[0]?.message).toContain('no-such-rule');
  });
});
