import { describe, expect, it } from 'vitest';
import { Unknown } from '../../../../src/model/unknown.ts';
import { attribute, blocks, loadFiles, resource } from './helpers.ts';

describe('JSON configuration', () => {
  it('joins .tf and .tf.json files into one module', async () => {
    const result = await loadFiles({
      'main.tf': 'variable "admin_cidr" {\n  type    = string\n  default = "0.0.0.0/0"\n}\n\nresource "aws_security_group" "jump" {\n  name = "jump"\n}\n',
      'rules.tf.json': JSON.stringify({
        resource: {
          aws_security_group_rule: {
            jump_ssh: {
              security_group_id: '${aws_security_group.jump.id}',
              from_port: 22,
              cidr_blocks: ['${var.admin_cidr}'],
            },
          },
        },
      }, null, 2),
    });
    const address = 'aws_security_group_rule.jump_ssh';
    expect(attribute(result, address, 'cidr_blocks')).toEqual(['0.0.0.0/0']);
    expect((attribute(result, address, 'security_group_id') as Unknown).ref?.address).toBe('aws_security_group.jump');
  });

  it('keeps the cdktf construct path and drops null attributes', async () => {
    const result = await loadFiles({
      'cdk.tf.json': JSON.stringify({
        '//': { metadata: { stackName: 'net' } },
        resource: {
          aws_security_group: {
            bastion_sg: {
              '//': { metadata: { path: 'net/bastion/sg', uniqueId: 'bastion_sg' } },
              description: 'costs $${PRICE} per hour',
              ingress: [{ from_port: 22, cidr_blocks: ['0.0.0.0/0'], self: null }],
            },
          },
        },
      }, null, 2),
    });
    const group = resource(result, 'aws_security_group.bastion_sg');
    expect(group.constructPath).toBe('net/bastion/sg');
    expect(group.body.attributes['description']?.value).toBe('costs ${PRICE} per hour');
    const [ingress] = blocks(group.body, 'ingress');
    expect(ingress?.attributes['from_port']?.value).toBe(22);
    expect(ingress?.attributes['self']).toBeUndefined();
  });
});
