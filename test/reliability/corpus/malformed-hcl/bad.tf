resource "aws_instance" "half" {
  ami =
  instance_type = "t3.micro"
}
