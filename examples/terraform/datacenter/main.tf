# A provincial data center in one VPC: the seven zones of the regulation, a
# firewall appliance between them, and management only from the management
# zone.

variable "site_cidr" {
  type    = string
  default = "10.60.0.0/16"
}

variable "zones" {
  type = map(object({ netnum = number, zone = string }))
  default = {
    dmz      = { netnum = 1, zone = "dmz" }
    proxy    = { netnum = 2, zone = "internet-access" }
    servers  = { netnum = 10, zone = "internal" }
    mgmt     = { netnum = 99, zone = "management" }
    office   = { netnum = 30, zone = "user-wired" }
    wifi     = { netnum = 31, zone = "user-wireless" }
    partners = { netnum = 40, zone = "partner" }
  }
}

resource "aws_vpc" "dc" {
  cidr_block = var.site_cidr
  tags       = { Name = "dc-province" }
}

resource "aws_subnet" "zone" {
  for_each   = var.zones
  vpc_id     = aws_vpc.dc.id
  cidr_block = cidrsubnet(var.site_cidr, 8, each.value.netnum)
  tags = {
    Name = "dc-${each.key}"
    Zone = each.value.zone
  }
}

resource "aws_internet_gateway" "edge" {
  vpc_id = aws_vpc.dc.id
}

resource "aws_eip" "proxy" {
  domain = "vpc"
}

resource "aws_nat_gateway" "proxy" {
  allocation_id = aws_eip.proxy.id
  subnet_id     = aws_subnet.zone["proxy"].id
}

resource "aws_route_table" "edge" {
  vpc_id = aws_vpc.dc.id
  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = aws_internet_gateway.edge.id
  }
}

resource "aws_route_table" "inner" {
  vpc_id = aws_vpc.dc.id
  route {
    cidr_block     = "0.0.0.0/0"
    nat_gateway_id = aws_nat_gateway.proxy.id
  }
}

resource "aws_route_table_association" "edge" {
  for_each       = toset(["dmz", "proxy"])
  subnet_id      = aws_subnet.zone[each.key].id
  route_table_id = aws_route_table.edge.id
}

resource "aws_route_table_association" "inner" {
  for_each       = toset(["servers", "mgmt", "office", "wifi", "partners"])
  subnet_id      = aws_subnet.zone[each.key].id
  route_table_id = aws_route_table.inner.id
}

resource "aws_security_group" "servers" {
  name   = "dc-servers"
  vpc_id = aws_vpc.dc.id

  ingress {
    description = "business application from the wired user zone"
    protocol    = "tcp"
    from_port   = 8443
    to_port     = 8443
    cidr_blocks = [aws_subnet.zone["office"].cidr_block]
  }

  ingress {
    description = "SSH from the management zone"
    protocol    = "tcp"
    from_port   = 22
    to_port     = 22
    cidr_blocks = [aws_subnet.zone["mgmt"].cidr_block]
  }
}

resource "aws_security_group" "mgmt" {
  name   = "dc-mgmt"
  vpc_id = aws_vpc.dc.id

  egress {
    description = "SSH to the servers"
    protocol    = "tcp"
    from_port   = 22
    to_port     = 22
    cidr_blocks = [aws_subnet.zone["servers"].cidr_block]
  }
}

resource "aws_instance" "app" {
  count                  = 2
  ami                    = "ami-0a1b2c3d4e5f60718"
  instance_type          = "m5.large"
  subnet_id              = aws_subnet.zone["servers"].id
  vpc_security_group_ids = [aws_security_group.servers.id]
  tags = {
    Name      = "dc-app-${count.index}"
    Role      = "app"
    RAID      = "raid10"
    RaidDisks = "4"
  }
}

resource "aws_instance" "jump" {
  ami                    = "ami-0a1b2c3d4e5f60718"
  instance_type          = "t3.micro"
  subnet_id              = aws_subnet.zone["mgmt"].id
  vpc_security_group_ids = [aws_security_group.mgmt.id]
  tags = {
    Name      = "dc-jump"
    Role      = "bastion"
    RAID      = "raid1"
    RaidDisks = "2"
  }
}
