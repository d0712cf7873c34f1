/** The commits of a pull request that adds `sg.tf` and `db.tf`, scanned three times. */
export const SG_A = `resource "aws_subnet" "mgmt" {
  vpc_id     = "vpc-1"
  cidr_block = "10.50.0.0/24"
  tags       = { Zone = "management" }
}

resource "aws_security_group" "web" {
  name   = "web"
  vpc_id = "vpc-1"
  tags   = { Zone = "internal" }

  ingress {
    protocol    = "tcp"
    from_port   = 22
    to_port     = 22
    cidr_blocks = ["10.0.20.0/24"]
  }
}
`;

export const SG_B = `# Web tier network rules.
# Owner: platform team.
${SG_A.replace(/  }\n}\n$/, `  }

  ingress {
    protocol    = "tcp"
    from_port   = 3389
    to_port     = 3389
    cidr_blocks = ["10.0.20.0/24"]
  }
}
`)}`;

export const DB_A = `resource "aws_db_instance" "orders" {
  identifier           = "orders"
  engine               = "postgres"
  instance_class       = "db.t3.micro"
  publicly_accessible  = true
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

export const DB_B = DB_A.replace('publicly_accessible  = true', 'publicly_accessible  = false');
