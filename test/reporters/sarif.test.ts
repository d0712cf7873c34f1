import { readFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/engine/types.ts';
import { renderSarif } from '../../src/reporters/sarif.ts';
import { failFinding, incompleteResult, ROOT, RULE, scanResult } from './scan-result.ts';

const schema = JSON.parse(
  readFileSync(new URL('../fixtures/sarif-schema-2.1.0.json', import.meta.url), 'utf8'),
);
const ajv = new Ajv.default({ allErrors: true, strict: false });
addFormats.default(ajv);
const validate = ajv.compile(schema);

function sarif(result = incompleteResult(), options = {}) {
  return JSON.parse(renderSarif(result, options));
}

describe('sarif reporter', () => {
  it('is valid against the SARIF 2.1.0 schema', () => {
    const log = sarif();
    const valid = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('describes each rule with Vietnamese texts and security severity', () => {
    const rule = sarif().runs[0].tool.driver.rules[0];
    expect(rule.id).toBe(RULE.id);
    expect(rule.shortDescription.text).toBe(RULE.title.en);
    expect(rule.help.text).toBe(RULE.remediation.en);
    expect(rule.properties['security-severity']).toBe('8.0');
    expect(rule.properties.titleVi).toBe(RULE.title.vi);
    expect(rule.properties.articles).toEqual(['Đ9.2.a']);
  });

  it('writes results with relative URIs, fingerprints and a Vietnamese message', () => {
    const result = sarif().runs[0].results[0];
    expect(result.ruleIndex).toBe(0);
    expect(result.level).toBe('error');
    const location = result.locations[0].physicalLocation;
    expect(location.artifactLocation).toEqual({ uri: 'main.tf', uriBaseId: '%SRCROOT%' });
    expect(location.region.startLine).toBe(9);
    expect(result.partialFingerprints).toEqual({ 'zoneguard/v1': 'fp-web-ssh' });
    expect(result.properties.messageVi).toBe(
      'The internet có thể truy cập tcp/22 trên aws_security_group.web thuộc vùng internal.',
    );
    expect(result.relatedLocations[0].physicalLocation.artifactLocation.uri).toBe('net/vpc.tf');
  });

  it('marks suppressed findings with an inSource suppression', () => {
    const results = sarif().runs[0].results;
    const suppressed = results.filter((r: { suppressions?: unknown }) => r.suppressions);
    expect(suppressed).toHaveLength(1);
    expect(suppressed[0].suppressions[0]).toMatchObject({
      kind: 'inSource',
      justification: 'Bastion host, approved by security team',
    });
  });

  it('reports parse errors as error notifications with their location', () => {
    const invocation = sarif().runs[0].invocations[0];
    expect(invocation.executionSuccessful).toBe(false);
    const parseError = invocation.toolExecutionNotifications[0];
    expect(parseError.level).toBe('error');
    expect(parseError.descriptor.id).toBe('parse-error');
    expect(parseError.locations[0].physicalLocation.region.startLine).toBe(7);
  });

  it('omits the region where the location has no range', () => {
    const finding = failFinding({ location: { file: `${ROOT}/plan.json` }, evidence: [], related: [] });
    const log = sarif(scanResult({ findings: [finding] }));
    const location = log.runs[0].results[0].locations[0].physicalLocation;
    expect(location.region).toBeUndefined();
    expect(location.artifactLocation.uri).toBe('plan.json');
    expect(validate(log)).toBe(true);
  });

  it('never writes line 0', () => {
    const finding = failFinding({
      location: { file: `${ROOT}/plan.json`, range: { startLine: 0, startColumn: 0, endLine: 0, endColumn: 0 } },
    });
    const text = renderSarif(scanResult({ findings: [finding] }));
    expect(text).not.toMatch(/"startLine":0/);
  });

  it('caps a run at 25,000 results, most severe first', () => {
    const findings: Finding[] = [];
    for (let i = 0; i < 25_010; i += 1) {
      findings.push(failFinding({ severity: 'low', fingerprint: `low-${i}`, evidence: [], related: [] }));
    }
    findings.push(failFinding({ severity: 'critical', fingerprint: 'critical-last', evidence: [], related: [] }));
    const log = sarif(scanResult({ findings }));
    const results = log.runs[0].results;
    expect(results).toHaveLength(25_000);
    expect(results[0].partialFingerprints['zoneguard/v1']).toBe('critical-last');
    const notes = log.runs[0].invocations[0].toolExecutionNotifications;
    expect(notes.at(-1).message.text).toMatch(/^11 results were left out/);
    expect(log.runs).toHaveLength(1);
  });

  it('shrinks the run until the gzip size fits', () => {
    const findings = Array.from({ length: 400 }, (_, i) =>
      failFinding({ fingerprint: `fp-${i}-${'x'.repeat(i)}` }),
    );
    const text = renderSarif(scanResult({ findings }), { maxGzipBytes: 4_000 });
    expect(gzipSync(text).length).toBeLessThan(4_000);
    const log = JSON.parse(gunzipSync(gzipSync(text)).toString());
    expect(log.runs[0].results.length).toBeLessThan(400);
    expect(log.runs[0].invocations[0].toolExecutionNotifications.at(-1).descriptor.id).toBe(
      'results-truncated',
    );
  });

  it('keeps a file outside the root as an absolute file URI', () => {
    const finding = failFinding({
      location: { file: '/home/u/.terraform.d/modules/sg/main.tf' },
      evidence: [],
      related: [],
    });
    const log = sarif(scanResult({ findings: [finding] }));
    const artifact = log.runs[0].results[0].locations[0].physicalLocation.artifactLocation;
    expect(artifact).toEqual({ uri: 'file:///home/u/.terraform.d/modules/sg/main.tf' });
    expect(validate(log)).toBe(true);
  });
});
