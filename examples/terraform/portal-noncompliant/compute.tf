resource "aws_instance" "web" {
  ami                         = "ami-0a1b2c3d4e5f60718"
  instance_type               = "t3.medium"
  subnet_id                   = aws_subnet.public.id
  vpc_security_group_ids      = [aws_security_group.web.id]
  associate_public_ip_address = true
  tags = {
    Name = "portal-web"
    Role = "web"
  }

  # The web server also runs its own database: a single tier.
  user_data = <<-EOT
    #!/bin/bash
    apt-get install -y nginx mysql-server
  EOT

  ebs_block_device {
    device_name = "/dev/sdf"
    volume_size = 200
  }
}

resource "aws_instance" "app" {
  ami                    = "ami-0a1b2c3d4e5f60718"
  instance_type          = "t3.large"
  subnet_id              = aws_subnet.app.id
  vpc_security_group_ids = [aws_security_group.app.id]
  source_dest_check      = false
  tags = {
    Name = "portal-app"
    Role = "web"
    RAID = "raid1"
  }
}
