resource "aws_db_subnet_group" "data" {
  name       = "portal-data"
  subnet_ids = [aws_subnet.data.id]
}

resource "aws_db_instance" "portal" {
  identifier             = "portal"
  engine                 = "postgres"
  instance_class         = "db.t3.medium"
  allocated_storage      = 50
  username               = "admin"
  password               = "changeme123"
  db_subnet_group_name   = aws_db_subnet_group.data.name
  vpc_security_group_ids = [aws_security_group.db.id]
  publicly_accessible    = true
}
