# The customs web portal: four zones in one VPC. Subnet CIDRs are carved from
# the VPC range so that the zone plan follows the address plan.

resource "aws_vpc" "portal" {
  cidr_block           = var.vpc_cidr
  enable_dns_hostnames = true
  tags = {
    Name    = "portal"
    Profile = "portal"
  }
}

locals {
  zones = {
    dmz        = { cidr = cidrsubnet(var.vpc_cidr, 8, 1), zone = "dmz" }
    egress     = { cidr = cidrsubnet(var.vpc_cidr, 8, 2), zone = "internet-access" }
    app        = { cidr = cidrsubnet(var.vpc_cidr, 8, 10), zone = "internal" }
    data       = { cidr = cidrsubnet(var.vpc_cidr, 8, 20), zone = "internal" }
    management = { cidr = cidrsubnet(var.vpc_cidr, 8, 99), zone = "management" }
  }
}

resource "aws_subnet" "zone" {
  for_each   = local.zones
  vpc_id     = aws_vpc.portal.id
  cidr_block = each.value.cidr
  tags = {
    Name = "portal-${each.key}"
    Zone = each.value.zone
  }
}

resource "aws_internet_gateway" "main" {
  vpc_id = aws_vpc.portal.id
}

resource "aws_eip" "nat" {
  domain = "vpc"
}

# Outbound Internet access of the inner zones leaves through the NAT gateway in
# the internet-access zone.
resource "aws_nat_gateway" "egress" {
  allocation_id = aws_eip.nat.id
  subnet_id     = aws_subnet.zone["egress"].id
}

resource "aws_route_table" "public" {
  vpc_id = aws_vpc.portal.id
  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = aws_internet_gateway.main.id
  }
}

resource "aws_route_table" "inner" {
  vpc_id = aws_vpc.portal.id
  route {
    cidr_block     = "0.0.0.0/0"
    nat_gateway_id = aws_nat_gateway.egress.id
  }
}

resource "aws_route_table_association" "public" {
  for_each       = toset(["dmz", "egress"])
  subnet_id      = aws_subnet.zone[each.key].id
  route_table_id = aws_route_table.public.id
}

resource "aws_route_table_association" "inner" {
  for_each       = toset(["app", "data", "management"])
  subnet_id      = aws_subnet.zone[each.key].id
  route_table_id = aws_route_table.inner.id
}
