import { ruleTable } from './engine-table.ts';

const VPC = `resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}
`;

function subnet(name: string, zone: string, third: number, vpc = 'aws_vpc.main.id'): string {
  return `
resource "aws_subnet" "${name}" {
  vpc_id     = ${vpc}
  cidr_block = "10.0.${third}.0/24"
  tags       = { Zone = "${zone}" }
}
`;
}

const PORTAL_ZONES = subnet('web', 'dmz', 1) + subnet('app', 'internal', 2) + subnet('mgmt', 'management', 3);

const INTERNET_ROUTE = `
resource "aws_internet_gateway" "igw" {
  vpc_id = aws_vpc.main.id
}

resource "aws_route_table" "public" {
  vpc_id = aws_vpc.main.id
  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = aws_internet_gateway.igw.id
  }
}
`;

const ALL_SEVEN =
  PORTAL_ZONES +
  subnet('proxy', 'internet-access', 4) +
  subnet('wired', 'user-wired', 5) +
  subnet('wifi', 'user-wireless', 6) +
  subnet('vendor', 'partner', 7);

ruleTable('zone-required', {
  valid: [
    { name: 'portal site with dmz, internal and management', hcl: VPC + PORTAL_ZONES },
    {
      name: 'portal site with an internet route and an access zone',
      hcl: VPC + PORTAL_ZONES + subnet('proxy', 'internet-access', 4) + INTERNET_ROUTE,
    },
    {
      name: 'datacenter site with all seven zones',
      hcl: VPC + ALL_SEVEN,
      config: { profiles: { default: 'datacenter' } },
    },
  ],
  invalid: [
    {
      name: 'portal site without management',
      hcl: VPC + subnet('web', 'dmz', 1) + subnet('app', 'internal', 2),
      expected: [
        {
          messageId: 'missing-zones',
          address: 'aws_vpc.main',
          line: 1,
          data: { profile: 'portal', missing: 'management', present: 'dmz, internal' },
          restsOn: ['defaultProfile'],
          severity: 'high',
        },
      ],
    },
    {
      name: 'internet route requires the access zone',
      hcl: VPC + PORTAL_ZONES + INTERNET_ROUTE,
      expected: [
        { messageId: 'missing-zones', address: 'aws_vpc.main', data: { missing: 'internet-access' } },
      ],
    },
    {
      name: 'datacenter profile by site glob',
      hcl: VPC + PORTAL_ZONES,
      config: { profiles: { sites: { 'aws_vpc.*': 'datacenter' } } },
      expected: [
        {
          messageId: 'missing-zones',
          address: 'aws_vpc.main',
          data: {
            profile: 'datacenter',
            missing: 'internet-access, user-wired, user-wireless, partner',
          },
          restsOn: [],
        },
      ],
    },
    {
      name: 'datacenter profile by site tag',
      hcl:
        `resource "aws_vpc" "main" {\n  cidr_block = "10.0.0.0/16"\n  tags       = { Profile = "datacenter" }\n}\n` +
        PORTAL_ZONES,
      expected: [
        {
          messageId: 'missing-zones',
          address: 'aws_vpc.main',
          data: { profile: 'datacenter', missing: 'internet-access, user-wired, user-wireless, partner' },
          restsOn: [],
        },
      ],
    },
    {
      name: 'implicit site anchored at its first segment',
      hcl: `# a VPC defined elsewhere\n` + subnet('lonely', 'none-of-them', 1, '"vpc-1"'),
      expected: [
        {
          messageId: 'no-zones',
          address: 'vpc-1',
          line: 3,
          data: { site: 'vpc-1', missing: 'dmz, internal, management' },
        },
      ],
    },
  ],
});
