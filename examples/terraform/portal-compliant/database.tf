resource "aws_db_subnet_group" "data" {
  name       = "portal-data"
  subnet_ids = [aws_subnet.zone["data"].id]
}

# pgaudit writes reads, writes and schema changes to the PostgreSQL log, which
# the instance exports to CloudWatch Logs.
resource "aws_db_parameter_group" "audit" {
  name   = "portal-audit"
  family = "postgres16"

  parameter {
    name         = "shared_preload_libraries"
    value        = "pgaudit"
    apply_method = "pending-reboot"
  }

  parameter {
    name  = "pgaudit.log"
    value = "read,write,ddl,role"
  }
}

resource "aws_db_instance" "portal" {
  identifier                      = "portal"
  engine                          = "postgres"
  engine_version                  = "16.4"
  instance_class                  = "db.t3.medium"
  allocated_storage               = 50
  username                        = "portal_admin"
  manage_master_user_password     = true
  db_subnet_group_name            = aws_db_subnet_group.data.name
  parameter_group_name            = aws_db_parameter_group.audit.name
  enabled_cloudwatch_logs_exports = ["postgresql"]
  vpc_security_group_ids          = [aws_security_group.db.id]
  publicly_accessible             = false
  backup_retention_period         = 14
  tags = {
    Role = "database"
  }
}
