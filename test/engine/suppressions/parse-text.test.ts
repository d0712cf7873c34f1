import { describe, expect, it } from 'vitest';
import { parseSuppressionBody, parseSuppressionComment } from '../../../src/engine/suppressions/parse-text.ts';

describe('reading suppression comments', () => {
  it.each([
    ['zoneguard:ignore portal-two-tier -- approved by Nguyen Van A, until 2027-06-30', {
      ruleIds: ['portal-two-tier'], reason: 'approved by Nguyen Van A', approver: 'Nguyen Van A', expires: '2027-06-30',
    }],
    ['zoneguard:ignore A-Rule, b-rule -- shared reason', { ruleIds: ['a-rule', 'b-rule'], reason: 'shared reason' }],
    ['zoneguard:ignore[key=beta] x-rule -- one tenant', { ruleIds: ['x-rule'], reason: 'one tenant', selector: { key: 'beta' } }],
    ['zoneguard:ignore[key="a b"] x-rule -- quoted key', { ruleIds: ['x-rule'], reason: 'quoted key', selector: { key: 'a b' } }],
    ['zoneguard:ignore[index=2] x-rule -- third', { ruleIds: ['x-rule'], reason: 'third', selector: { index: 2 } }],
    ['ZoneGuard:Ignore x-rule -- any case marker', { ruleIds: ['x-rule'], reason: 'any case marker' }],
  ])('reads %s', (text, expected) => {
    expect(parseSuppressionComment(text)).toEqual({ kind: 'suppression', text: expected });
  });

  it.each([
    ['zoneguard:ignore x-rule', 'gives no reason'],
    ['zoneguard:ignore x-rule --   ', 'gives no reason'],
    ['zoneguard:ignore x-rule -- , until 2027-01-01', 'gives no reason'],
    ['zoneguard:ignore -- reason only', 'names no rule id'],
    ['zoneguard:ignore[tenant=beta] x-rule -- r', '[tenant=beta]'],
    ['zoneguard:ignore[index=first] x-rule -- r', '[index=first]'],
    ['zoneguard:skip x-rule -- r', 'not recognised'],
    ['zoneguard:ignore x-rule -- reason, until 2027-02-30', '2027-02-30'],
    ['zoneguard:ignore x_rule! -- r', 'not a rule id'],
  ])('refuses %s', (text, problem) => {
    const parsed = parseSuppressionComment(text);
    expect(parsed.kind).toBe('invalid');
    expect(parsed.kind === 'invalid' && parsed.problem).toContain(problem);
  });

  it('leaves comments that are not for zoneguard alone', () => {
    expect(parseSuppressionComment('see zoneguard:ignore in the docs')).toEqual({ kind: 'none' });
    expect(parseSuppressionComment('plain comment')).toEqual({ kind: 'none' });
  });

  it('reads a tag value the same way as the part after the marker', () => {
    expect(parseSuppressionBody('x-rule -- tag reason, until 2030-01-01')).toEqual({
      kind: 'suppression', text: { ruleIds: ['x-rule'], reason: 'tag reason', expires: '2030-01-01' },
    });
  });
});
