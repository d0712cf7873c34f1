import { describe, expect, it } from 'vitest';
import { attr, bool, nested, num, origin, str } from '../../src/model/providers/body.ts';
import { isUnknown } from '../../src/model/unknown.ts';
import { blocks, ref, resource } from './resource.ts';

describe('body accessors', () => {
  it('treats null as absent', () => {
    const instance = resource('aws_subnet.a', { cidr_block: null });
    expect(attr(instance.body, 'cidr_block')).toBeUndefined();
    expect(str(instance.body, 'cidr_block')).toBeUndefined();
  });

  it('converts like Terraform', () => {
    const { body } = resource('aws_db_instance.a', {
      flag: 'true',
      off: 'false',
      yes: 'yes',
      port: '5432',
      count: 3,
      text: 12,
    });
    expect(bool(body, 'flag')).toBe(true);
    expect(bool(body, 'off')).toBe(false);
    expect(isUnknown(bool(body, 'yes'))).toBe(true);
    expect(num(body, 'port')).toBe(5432);
    expect(num(body, 'count')).toBe(3);
    expect(str(body, 'text')).toBe('12');
  });

  it('keeps unknown values', () => {
    const { body } = resource('aws_subnet.a', { vpc_id: ref('aws_vpc.main') });
    const value = str(body, 'vpc_id');
    expect(isUnknown(value)).toBe(true);
  });

  it('reads nested blocks and lists of objects alike', () => {
    const fromBlocks = resource('aws_security_group.a', {
      ingress: blocks({ from_port: 22 }, { from_port: 443 }),
    });
    const fromList = resource('aws_security_group.b', {
      ingress: [{ from_port: 22 }, { from_port: 443 }],
    });
    for (const instance of [fromBlocks, fromList]) {
      const found = nested(instance.body, 'ingress');
      expect(found.map((item) => item.path)).toEqual(['ingress[0]', 'ingress[1]']);
      expect(num(found[1]!.body, 'from_port')).toBe(443);
    }
  });

  it('records attribute paths in the origin', () => {
    const instance = resource(
      'aws_security_group.a',
      {
        name: 'a',
        ingress: blocks({ from_port: 22 }, { cidr_blocks: ['10.0.0.0/8', '::/0'] }),
      },
      { moduleCalls: ['module.net'] },
    );
    const built = origin(instance);
    expect(Object.keys(built.attributes)).toEqual(
      expect.arrayContaining([
        'name',
        'ingress[0]',
        'ingress[0].from_port',
        'ingress[1]',
        'ingress[1].cidr_blocks',
        'ingress[1].cidr_blocks[0]',
        'ingress[1].cidr_blocks[1]',
      ]),
    );
    expect(built.attributes['ingress[1]']?.range?.startLine).toBe(5);
    expect(built.moduleCalls).toEqual(['module.net']);
    expect(built.address).toBe('aws_security_group.a');
  });
});
