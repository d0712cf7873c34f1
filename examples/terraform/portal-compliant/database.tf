resource "aws_db_subnet_group" "data" {
  name       = "portal-data"
  subnet_ids = [aws_subnet.zone["data"].id]
}

resource "aws_db_instance" "portal" {
  identifier                  = "portal"
  engine                      = "postgres"
  engine_version              = "16.4"
  instance_class              = "db.t3.medium"
  allocated_storage           = 50
  username                    = "portal_admin"
  manage_master_user_password = true
  db_subnet_group_name        = aws_db_subnet_group.data.name
  vpc_security_group_ids      = [aws_security_group.db.id]
  publicly_accessible         = false
  backup_retention_period     = 14
  tags = {
    Role = "database"
  }
}
