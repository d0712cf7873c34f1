import { ruleTable } from './engine-table.ts';

function subnet(name: string, tags: string): string {
  return `resource "aws_subnet" "${name}" {
  vpc_id     = "vpc-1"
  cidr_block = "10.0.1.0/24"
  tags       = ${tags}
}
`;
}

ruleTable('zone-unclassified', {
  valid: [
    { name: 'zone tag', hcl: subnet('a', '{ Zone = "dmz" }') },
    { name: 'zone from the config', hcl: subnet('a', '{}'), config: { zones: { segments: { 'aws_subnet.a': 'internal' } } } },
    {
      name: 'tag outranks a conflicting name',
      hcl: subnet('public', '{ Zone = "internal" }'),
    },
  ],
  invalid: [
    {
      name: 'no zone at all',
      hcl: subnet('a', '{ Team = "core" }'),
      expected: [{ messageId: 'no-zone', address: 'aws_subnet.a', line: 1, data: { segment: 'aws_subnet.a' } }],
    },
    {
      name: 'heuristics off leaves a named segment unclassified',
      hcl: subnet('public', '{}'),
      config: { zones: { nameHeuristics: false } },
      expected: [{ messageId: 'no-zone', address: 'aws_subnet.public', line: 1 }],
    },
    {
      name: 'misspelt zone tag',
      hcl: subnet('d', '{ Zone = "intrenal" }'),
      expected: [
        {
          messageId: 'unknown-zone-tag',
          address: 'aws_subnet.d',
          line: 4,
          data: {
            segment: 'aws_subnet.d',
            tag: 'Zone',
            value: 'intrenal',
            zones: 'dmz, internet-access, internal, management, user-wired, user-wireless, partner',
          },
        },
      ],
    },
    {
      name: 'two zone tags',
      hcl: subnet('a', '{\n    Zone = "dmz"\n    zone = "management"\n  }'),
      expected: [
        {
          messageId: 'several-zones',
          address: 'aws_subnet.a',
          line: 4,
          data: { zones: 'dmz, management', source: 'tag' },
        },
      ],
    },
  ],
});
