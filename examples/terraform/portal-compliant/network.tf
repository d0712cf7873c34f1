# The customs web portal: four zones in one VPC. Subnet CIDRs are carved from
# the VPC range so that the zone plan follows the address plan. The VPC is
# rented hosting, so it carries the reference of the hosting agreement.

resource "aws_vpc" "portal" {
  cidr_block           = var.vpc_cidr
  enable_dns_hostnames = true
  tags = {
    Name             = "portal"
    Profile          = "portal"
    HostingAgreement = "HD-2024-017"
  }
}

locals {
  zones = {
    dmz        = { cidr = cidrsubnet(var.vpc_cidr, 8, 1), zone = "dmz" }
    egress     = { cidr = cidrsubnet(var.vpc_cidr, 8, 2), zone = "internet-access" }
    firewall   = { cidr = cidrsubnet(var.vpc_cidr, 8, 3), zone = "internet-access" }
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

# Outbound Internet access of the inner zones passes the network firewall in
# the internet-access zone (egress-filter.tf), then the NAT gateway there.
resource "aws_nat_gateway" "egress" {
  allocation_id = aws_eip.nat.id
  subnet_id     = aws_subnet.zone["egress"].id
}

locals {
  # The endpoint the network firewall places in the firewall subnet.
  firewall_endpoint = tolist(aws_networkfirewall_firewall.egress.firewall_status[0].sync_states)[0].attachment[0].endpoint_id
}

resource "aws_route_table" "public" {
  vpc_id = aws_vpc.portal.id
  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = aws_internet_gateway.main.id
  }
}

# The NAT gateway's subnet sends replies to the inner zones back through the
# firewall, so that it sees both directions of each connection.
resource "aws_route_table" "nat" {
  vpc_id = aws_vpc.portal.id
  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = aws_internet_gateway.main.id
  }
  dynamic "route" {
    for_each = toset(["app", "data", "management"])
    content {
      cidr_block      = local.zones[route.value].cidr
      vpc_endpoint_id = local.firewall_endpoint
    }
  }
}

resource "aws_route_table" "firewall" {
  vpc_id = aws_vpc.portal.id
  route {
    cidr_block     = "0.0.0.0/0"
    nat_gateway_id = aws_nat_gateway.egress.id
  }
}

resource "aws_route_table" "inner" {
  vpc_id = aws_vpc.portal.id
  route {
    cidr_block      = "0.0.0.0/0"
    vpc_endpoint_id = local.firewall_endpoint
  }
}

resource "aws_route_table_association" "public" {
  subnet_id      = aws_subnet.zone["dmz"].id
  route_table_id = aws_route_table.public.id
}

resource "aws_route_table_association" "nat" {
  subnet_id      = aws_subnet.zone["egress"].id
  route_table_id = aws_route_table.nat.id
}

resource "aws_route_table_association" "firewall" {
  subnet_id      = aws_subnet.zone["firewall"].id
  route_table_id = aws_route_table.firewall.id
}

resource "aws_route_table_association" "inner" {
  for_each       = toset(["app", "data", "management"])
  subnet_id      = aws_subnet.zone[each.key].id
  route_table_id = aws_route_table.inner.id
}
