variable "region" {
  type    = string
  default = "ap-southeast-1"
}

variable "vpc_cidr" {
  type    = string
  default = "10.20.0.0/16"
}

variable "web_ami" {
  type    = string
  default = "ami-0a1b2c3d4e5f60718"
}

variable "web_count" {
  type    = number
  default = 2
}
