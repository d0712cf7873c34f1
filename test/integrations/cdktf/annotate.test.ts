import { describe, expect, it } from 'vitest';
import { findingLevel } from '../../../src/integrations/cdktf/annotate.ts';
import type { Finding } from '../../../src/engine/types.ts';

function finding(status: Finding['status'], severity: Finding['severity']): Finding {
  return { status, severity } as Finding;
}

describe('findingLevel', () => {
  const cases: Array<[Finding['status'], Finding['severity'], 'high' | 'critical' | 'low', boolean, string]> = [
    ['fail', 'critical', 'high', false, 'error'],
    ['fail', 'high', 'high', false, 'error'],
    ['fail', 'medium', 'high', false, 'warning'],
    ['fail', 'info', 'high', false, 'warning'],
    ['fail', 'high', 'critical', false, 'warning'],
    ['fail', 'low', 'low', false, 'error'],
    ['unknown', 'critical', 'high', false, 'warning'],
    ['unknown', 'low', 'high', true, 'error'],
  ];
  it.each(cases)('%s %s at threshold %s (failOnUnknown %s) is %s', (status, severity, threshold, failOnUnknown, level) => {
    expect(findingLevel(finding(status, severity), { threshold, failOnUnknown })).toBe(level);
  });
});
