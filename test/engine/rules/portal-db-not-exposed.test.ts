import { ruleTables } from './portal-fixtures/table.ts';
import { caseFile } from '../../fixtures/cases/read.ts';

const INTERNAL_NETWORK = `resource "aws_subnet" "app" {
  vpc_id     = "vpc-1"
  cidr_block = "10.0.20.0/24"
  tags       = { Zone = "internal" }
}

resource "aws_subnet" "data" {
  vpc_id     = "vpc-1"
  cidr_block = "10.0.30.0/24"
  tags       = { Zone = "internal" }
}

resource "aws_subnet" "users" {
  vpc_id     = "vpc-1"
  cidr_block = "10.0.40.0/24"
  tags       = { Zone = "user-wired" }
}

resource "aws_subnet" "mgmt" {
  vpc_id     = "vpc-1"
  cidr_block = "10.50.0.0/24"
  tags       = { Zone = "management" }
}

resource "aws_db_subnet_group" "data" {
  name       = "data"
  subnet_ids = [aws_subnet.data.id]
}
`;

/** Builds a database in the data subnet whose group admits 5432 from `cidr`. */
function databaseAdmitting(cidr: string, protocol = 'tcp'): string {
  return `resource "aws_security_group" "db" {
  name   = "db"
  vpc_id = "vpc-1"

  ingress {
    protocol    = "${protocol}"
    from_port   = 5432
    to_port     = 5432
    cidr_blocks = ["${cidr}"]
  }
}

resource "aws_db_instance" "main" {
  identifier             = "main"
  engine                 = "postgres"
  instance_class         = "db.t3.micro"
  allocated_storage      = 20
  db_subnet_group_name   = aws_db_subnet_group.data.name
  vpc_security_group_ids = [aws_security_group.db.id]
}
`;
}

const PUBLIC_ORDERS = (value: string) => `resource "aws_db_instance" "orders" {
  identifier           = "orders"
  engine               = "postgres"
  instance_class       = "db.t3.micro"
  publicly_accessible  = ${value}
  db_subnet_group_name = aws_db_subnet_group.internal.name
}

resource "aws_db_subnet_group" "internal" {
  name       = "internal"
  subnet_ids = [aws_subnet.internal.id]
}

resource "aws_subnet" "internal" {
  vpc_id     = "vpc-1"
  cidr_block = "10.0.20.0/24"
  tags       = { Zone = "internal" }
}
`;

const ALL_PROTOCOLS = `resource "aws_security_group" "db" {
  name   = "db-sg"
  vpc_id = "vpc-1"
  tags   = { Zone = "internal" }

  ingress {
    description = "wide open"
    protocol    = "-1"
    from_port   = 0
    to_port     = 0
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_security_group_rule" "legacy_all" {
  type              = "ingress"
  security_group_id = aws_security_group.db.id
  protocol          = "all"
  from_port         = 8080
  to_port           = 8080
  cidr_blocks       = ["0.0.0.0/0"]
}

resource "aws_db_instance" "orders" {
  identifier             = "orders"
  engine                 = "postgres"
  instance_class         = "db.t3.micro"
  allocated_storage      = 20
  vpc_security_group_ids = [aws_security_group.db.id]
}
`;

const DATABASE_ON_INSTANCE = `resource "aws_subnet" "users" {
  vpc_id     = "vpc-1"
  cidr_block = "10.0.40.0/24"
  tags       = { Zone = "user-wired" }
}

resource "aws_instance" "pg" {
  ami           = "ami-1"
  instance_type = "t3.micro"
  subnet_id     = aws_subnet.users.id
  tags          = { Role = "database" }
}
`;

/** Groups and rules keyed by for_each, as in test/fixtures/cases/case-12. */
const TIERS_FOR_EACH = caseFile('case-12', 'main.tf');

const DB_OPEN_TFVARS = `tiers = {
  web = { zone = "dmz", port = 443, open = true }
  db  = { zone = "internal", port = 5432, open = true }
}
`;

ruleTables(
  'portal-db-not-exposed',
  [
    { name: 'publicly_accessible false', files: { 'db.tf': PUBLIC_ORDERS('false') } },
    { name: 'string "false"', files: { 'db.tf': PUBLIC_ORDERS('"false"') } },
    { name: 'port only from the application subnet', files: { 'net.tf': INTERNAL_NETWORK, 'db.tf': databaseAdmitting('10.0.20.0/24') } },
    { name: 'port from the management zone', files: { 'net.tf': INTERNAL_NETWORK, 'db.tf': databaseAdmitting('10.50.0.0/24') } },
    { name: 'for_each groups, db from the app subnet', files: { 'main.tf': TIERS_FOR_EACH } },
    { name: 'udp rule on the database port', files: { 'net.tf': INTERNAL_NETWORK, 'db.tf': databaseAdmitting('0.0.0.0/0', 'udp') } },
  ],
  [
    {
      name: 'publicly_accessible true',
      files: { 'db.tf': PUBLIC_ORDERS('true') },
      expected: [{ messageId: 'publicly-accessible', address: 'aws_db_instance.orders', at: 'db.tf:5' }],
    },
    {
      name: 'port open to the internet',
      files: { 'net.tf': INTERNAL_NETWORK, 'db.tf': databaseAdmitting('0.0.0.0/0') },
      expected: [
        {
          messageId: 'reachable-outside-tier',
          address: 'aws_db_instance.main',
          at: 'db.tf:13',
          data: { rule: 'aws_security_group.db/ingress[0]', ports: 'tcp 5432' },
        },
      ],
    },
    {
      name: 'port open to a user zone',
      files: { 'net.tf': INTERNAL_NETWORK, 'db.tf': databaseAdmitting('10.0.40.0/24') },
      expected: [
        {
          messageId: 'reachable-outside-tier',
          address: 'aws_db_instance.main',
          at: 'db.tf:13',
          data: { sources: 'aws_subnet.users [user-wired]' },
        },
      ],
    },
    {
      name: 'all protocols from anywhere, one finding per rule',
      files: { 'main.tf': ALL_PROTOCOLS },
      expected: [
        { messageId: 'reachable-outside-tier', address: 'aws_db_instance.orders', at: 'main.tf:24', data: { rule: 'aws_security_group_rule.legacy_all' } },
        { messageId: 'reachable-outside-tier', address: 'aws_db_instance.orders', at: 'main.tf:24', data: { rule: 'aws_security_group.db/ingress[0]' } },
      ],
    },
    {
      name: 'for_each groups, db opened by a var file',
      files: { 'main.tf': TIERS_FOR_EACH, 'db-open.tfvars': DB_OPEN_TFVARS },
      varFiles: ['db-open.tfvars'],
      expected: [
        {
          messageId: 'reachable-outside-tier',
          address: 'aws_db_instance.main',
          at: 'main.tf:52',
          data: { rule: 'aws_security_group_rule.tier_in["db"]', ports: 'tcp 5432' },
        },
      ],
    },
    {
      name: 'database role on an instance in a user subnet',
      files: { 'main.tf': DATABASE_ON_INSTANCE },
      expected: [{ messageId: 'outside-internal-zone', address: 'aws_instance.pg', at: 'main.tf:10' }],
    },
  ],
);
