import { describe, expect, it } from 'vitest';
import { designModel, designOrigin, runOnModel } from './organisation/design-model.ts';
import { ruleTable } from './engine-table.ts';

ruleTable('admin-separation-of-duty', {
  coveredElsewhere: ['several-systems', 'not-evidenced'],
  valid: [{ name: 'code without assignments', hcl: 'resource "aws_vpc" "main" {\n  cidr_block = "10.0.0.0/16"\n}\n' }],
  invalid: [],
});

describe('admin-separation-of-duty on design files', () => {
  it('reports a person who administers two systems', async () => {
    const model = designModel((evidence) => {
      evidence.administrators.push({ person: 'Nguyễn Văn A', systems: ['vnaccs', 'e-manifest'], origin: designOrigin('administrators[0]', 50, ['systems']) });
      evidence.administrators.push({ person: 'Trần Thị B', systems: ['vcis', 'vcis'], origin: designOrigin('administrators[1]', 55, ['systems']) });
    });
    const findings = await runOnModel(model, 'admin-separation-of-duty');
    expect(findings.map((f) => [f.messageId, f.data['systems'], f.location.range?.startLine])).toEqual([['several-systems', 'vnaccs, e-manifest', 51]]);
    expect((await runOnModel(designModel(() => {}), 'admin-separation-of-duty')).map((f) => f.messageId)).toEqual(['not-evidenced']);
  });
});
