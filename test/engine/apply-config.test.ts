import { describe, expect, it } from 'vitest';
import { applyConfig } from '../../src/engine/pack/apply-config.ts';
import { sampleMeta } from './fixtures.ts';

describe('applyConfig', () => {
  it('keeps the pack unchanged without config', () => {
    const result = applyConfig([sampleMeta()]);
    expect(result.rules).toEqual([sampleMeta()]);
    expect(result.skipped).toEqual([]);
    expect(result.diagnostics).toEqual([]);
  });

  it('overrides the severity', () => {
    const result = applyConfig([sampleMeta()], { rules: { 'sample-rule': { severity: 'low' } } });
    expect(result.rules[0]?.severity).toBe('low');
  });

  it('replaces a list parameter and drops it from the defaults', () => {
    const config = { rules: { 'sample-rule': { parameters: { ports: [3389] } } } };
    const [rule] = applyConfig([sampleMeta()], config).rules;
    expect(rule?.parameters['ports']).toEqual([3389]);
    expect(rule?.defaultParameters).toEqual(['limit']);
  });

  it('merges an object parameter over the pack value', () => {
    const config = { rules: { 'sample-rule': { parameters: { limit: { high: 5 } } } } };
    const [rule] = applyConfig([sampleMeta()], config).rules;
    expect(rule?.parameters['limit']).toEqual({ low: 1, high: 5 });
  });

  it('lists a skipped rule with its reason', () => {
    const config = { rules: { 'sample-rule': { skip: { reason: 'no such servers here' } } } };
    const result = applyConfig([sampleMeta()], config);
    expect(result.rules).toEqual([]);
    expect(result.skipped).toEqual([{ ruleId: 'sample-rule', reason: 'no such servers here' }]);
  });

  it('reports an unknown rule id', () => {
    const result = applyConfig([sampleMeta()], { rules: { 'no-such-rule': { severity: 'low' } } });
    expect(result.diagnostics[0]?.code).toBe('config-invalid');
    expect(result.diagnostics[0]?.message).toContain('no-such-rule');
  });

  it('reports an unknown parameter', () => {
    const config = { rules: { 'sample-rule': { parameters: { portz: [1] } } } };
    const result = applyConfig([sampleMeta()], config);
    expect(result.diagnostics[0]?.message).toContain('parameter `portz` does not exist');
  });

  it('maps site profiles onto zone-required parameters', () => {
    const zoneRequired = sampleMeta({
      id: 'zone-required',
      parameters: { defaultProfile: 'portal', siteProfiles: {} },
      defaultParameters: ['defaultProfile'],
    });
    const config = { profiles: { default: 'datacenter' as const, sites: { 'dc-*': 'datacenter' as const } } };
    const [rule] = applyConfig([zoneRequired], config).rules;
    expect(rule?.parameters['defaultProfile']).toBe('datacenter');
    expect(rule?.parameters['siteProfiles']).toEqual({ 'dc-*': 'datacenter' });
    expect(rule?.defaultParameters).toEqual([]);
  });
});
