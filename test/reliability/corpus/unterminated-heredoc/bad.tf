resource "aws_instance" "boot" {
  ami       = "ami-1"
  user_data = <<EOT
#!/bin/sh
echo ready
}
