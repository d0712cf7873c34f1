import { describe, expect, it } from 'vitest';
import { FUNCTIONS } from '../../../../src/loaders/terraform/functions/index.ts';
import type { Value } from '../../../../src/loaders/terraform/types.ts';
import { Unknown, isUnknown } from '../../../../src/model/unknown.ts';
import { callFunction } from './call-function.ts';

const vpcCidr = new Unknown('an input variable with no value', 'var.vpc_cidr');
const groupId = new Unknown('computed by the provider', 'aws_security_group.web.id', {
  address: 'aws_security_group.web',
  attribute: 'id',
});

function expectUnknown(value: Value): Unknown {
  expect(isUnknown(value)).toBe(true);
  return value as Unknown;
}

describe('unknown arguments', () => {
  it('names the call in cidrsubnet', () => {
    const result = expectUnknown(callFunction('cidrsubnet', vpcCidr, 8, 1));
    expect(result.origin).toBe('cidrsubnet(var.vpc_cidr, 8, 1)');
    expect(result.reason).toContain('cidrsubnet()');
    expect(result.reason).toContain('var.vpc_cidr');
    expect(result.reason).toContain('an input variable with no value');
    expect(result.ref).toBeUndefined();
  });

  it('nests origins of nested calls', () => {
    const inner = callFunction('cidrsubnet', vpcCidr, 4, 0);
    const outer = expectUnknown(callFunction('cidrsubnet', inner, 4, 1));
    expect(outer.origin).toBe('cidrsubnet(cidrsubnet(var.vpc_cidr, 4, 0), 4, 1)');
  });

  it('quotes known strings in the origin', () => {
    const result = expectUnknown(callFunction('cidrhost', '10.0.0.0/16', vpcCidr));
    expect(result.origin).toBe('cidrhost("10.0.0.0/16", var.vpc_cidr)');
  });

  it('counts a list with unknown elements', () => {
    expect(callFunction('length', [vpcCidr, 'a'])).toBe(2);
    expect(callFunction('length', { a: vpcCidr })).toBe(1);
  });

  it('returns Unknown for an unknown length', () => {
    expect(isUnknown(callFunction('length', vpcCidr))).toBe(true);
  });

  it('keeps unknown elements in concat', () => {
    const result = callFunction('concat', [vpcCidr], ['10.0.0.0/8']) as Value[];
    expect(result).toHaveLength(2);
    expect(result[0]).toBe(vpcCidr);
    expect(result[1]).toBe('10.0.0.0/8');
  });

  it('keeps unknown values in merge', () => {
    const result = callFunction('merge', { a: vpcCidr }, { b: 1 }) as Record<string, Value>;
    expect(result.a).toBe(vpcCidr);
    expect(result.b).toBe(1);
  });

  it('keeps unknown elements in tolist and flatten', () => {
    expect(callFunction('tolist', [vpcCidr, 'x'])).toEqual([vpcCidr, 'x']);
    const flat = callFunction('flatten', [[vpcCidr], ['a', ['b']]]) as Value[];
    expect(flat[0]).toBe(vpcCidr);
    expect(flat.slice(1)).toEqual(['a', 'b']);
  });

  it('keeps unknown elements after known ones in toset', () => {
    const result = callFunction('toset', ['b', vpcCidr, 'a', 'b']) as Value[];
    expect(result).toEqual(['a', 'b', vpcCidr]);
  });

  it('keeps the resource reference through tostring', () => {
    const result = expectUnknown(callFunction('tostring', groupId));
    expect(result.ref).toEqual({ address: 'aws_security_group.web', attribute: 'id' });
    expect(result.origin).toBe('tostring(aws_security_group.web.id)');
  });

  it('returns a selected unknown element unchanged', () => {
    expect(callFunction('element', [groupId, 'sg-1'], 0)).toBe(groupId);
    expect(callFunction('lookup', { web: groupId }, 'web')).toBe(groupId);
    expect(callFunction('one', [groupId])).toBe(groupId);
  });

  it('returns Unknown when an inspected element is unknown', () => {
    expect(isUnknown(callFunction('join', ',', ['a', vpcCidr]))).toBe(true);
    expect(isUnknown(callFunction('distinct', ['a', vpcCidr]))).toBe(true);
    expect(isUnknown(callFunction('format', '%s/24', vpcCidr))).toBe(true);
    expect(isUnknown(callFunction('jsonencode', { a: [vpcCidr] }))).toBe(true);
    expect(isUnknown(callFunction('element', ['a'], vpcCidr))).toBe(true);
    expect(isUnknown(callFunction('coalesce', vpcCidr, 'a'))).toBe(true);
  });

  it('knows contains when a known element matches', () => {
    expect(callFunction('contains', ['a', vpcCidr], 'a')).toBe(true);
    expect(isUnknown(callFunction('contains', ['b', vpcCidr], 'a'))).toBe(true);
  });

  it('registers neither try nor can', () => {
    expect(FUNCTIONS.try).toBeUndefined();
    expect(FUNCTIONS.can).toBeUndefined();
  });

  it('registers every required function', () => {
    const required = `cidrsubnet cidrsubnets cidrhost cidrnetmask concat merge lookup element flatten
      distinct keys values length format formatlist join split replace lower upper title trimspace
      trim trimprefix trimsuffix substr tolist toset tomap tostring tonumber tobool coalesce
      coalescelist contains range zipmap jsonencode jsondecode yamldecode file templatefile
      fileexists abspath basename dirname min max abs ceil floor sum slice reverse sort setunion
      setintersection setsubtract index one compact chunklist startswith endswith strcontains
      regex regexall`.split(/\s+/);
    const missing = required.filter((name) => FUNCTIONS[name] === undefined);
    expect(missing).toEqual([]);
  });
});
