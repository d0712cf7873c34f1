resource "aws_security_group" "web" {
  name   = "portal-web"
  vpc_id = aws_vpc.portal.id

  ingress {
    description = "HTTPS"
    protocol    = "tcp"
    from_port   = 443
    to_port     = 443
    cidr_blocks = ["0.0.0.0/0"]
  }

  ingress {
    description = "admin from anywhere"
    protocol    = "tcp"
    from_port   = 22
    to_port     = 22
    cidr_blocks = ["0.0.0.0/0"]
  }

  ingress {
    description = "legacy uploads"
    protocol    = "tcp"
    from_port   = 21
    to_port     = 21
    cidr_blocks = ["10.30.10.0/24"]
  }

  ingress {
    description = "application ports"
    protocol    = "tcp"
    from_port   = 1024
    to_port     = 65535
    cidr_blocks = ["10.30.10.0/24"]
  }
}

resource "aws_security_group" "app" {
  name   = "portal-app"
  vpc_id = aws_vpc.portal.id

  ingress {
    description = "everything from the web tier"
    protocol    = "-1"
    from_port   = 0
    to_port     = 0
    cidr_blocks = ["10.30.1.0/24"]
  }
}

resource "aws_security_group" "db" {
  name   = "portal-db"
  vpc_id = aws_vpc.portal.id

  ingress {
    description     = "PostgreSQL from the application"
    protocol        = "tcp"
    from_port       = 5432
    to_port         = 5432
    security_groups = [aws_security_group.app.id]
  }
}
