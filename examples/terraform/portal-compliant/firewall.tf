# Rules that name another group are separate resources: two groups whose
# inline rules name each other form a dependency cycle that Terraform rejects.

resource "aws_security_group" "alb" {
  name   = "portal-alb"
  vpc_id = aws_vpc.portal.id

  ingress {
    description = "HTTPS from the Internet"
    protocol    = "tcp"
    from_port   = 443
    to_port     = 443
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_security_group" "web" {
  name   = "portal-web"
  vpc_id = aws_vpc.portal.id

  ingress {
    description = "SSH from the management zone"
    protocol    = "tcp"
    from_port   = 22
    to_port     = 22
    cidr_blocks = [aws_subnet.zone["management"].cidr_block]
  }
}

resource "aws_security_group" "db" {
  name   = "portal-db"
  vpc_id = aws_vpc.portal.id
}

resource "aws_security_group" "bastion" {
  name   = "portal-bastion"
  vpc_id = aws_vpc.portal.id

  egress {
    description = "SSH to the servers"
    protocol    = "tcp"
    from_port   = 22
    to_port     = 22
    cidr_blocks = [var.vpc_cidr]
  }
}

resource "aws_vpc_security_group_egress_rule" "alb_to_web" {
  security_group_id            = aws_security_group.alb.id
  referenced_security_group_id = aws_security_group.web.id
  ip_protocol                  = "tcp"
  from_port                    = 8443
  to_port                      = 8443
}

resource "aws_vpc_security_group_ingress_rule" "web_from_alb" {
  security_group_id            = aws_security_group.web.id
  referenced_security_group_id = aws_security_group.alb.id
  ip_protocol                  = "tcp"
  from_port                    = 8443
  to_port                      = 8443
}

resource "aws_vpc_security_group_egress_rule" "web_to_db" {
  security_group_id            = aws_security_group.web.id
  referenced_security_group_id = aws_security_group.db.id
  ip_protocol                  = "tcp"
  from_port                    = 5432
  to_port                      = 5432
}

resource "aws_vpc_security_group_ingress_rule" "db_from_web" {
  security_group_id            = aws_security_group.db.id
  referenced_security_group_id = aws_security_group.web.id
  ip_protocol                  = "tcp"
  from_port                    = 5432
  to_port                      = 5432
}
