locals {
  a = local.b
  b = local.a
}

resource "aws_instance" "loop" {
  ami           = local.a
  instance_type = "t3.micro"
}
