# A provincial data center in one VPC: the seven zones of the regulation,
# security groups and a network ACL between them, outbound Internet through a
# network firewall in the internet-access zone, and management only from the
# management zone.

variable "site_cidr" {
  type    = string
  default = "10.60.0.0/16"
}

variable "zones" {
  type = map(object({ netnum = number, zone = string }))
  default = {
    dmz      = { netnum = 1, zone = "dmz" }
    proxy    = { netnum = 2, zone = "internet-access" }
    filter   = { netnum = 3, zone = "internet-access" }
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

locals {
  inner_zones = toset(["servers", "mgmt", "office", "wifi", "partners"])
  # The endpoint the network firewall places in the filter subnet.
  firewall_endpoint = tolist(aws_networkfirewall_firewall.egress.firewall_status[0].sync_states)[0].attachment[0].endpoint_id
}

# Outbound Internet traffic of the inner zones passes the network firewall,
# then the NAT gateway; the firewall admits only the allowed domains.
resource "aws_networkfirewall_rule_group" "allowed_domains" {
  name     = "dc-allowed-domains"
  type     = "STATEFUL"
  capacity = 100

  rule_group {
    rules_source {
      rules_source_list {
        generated_rules_type = "ALLOWLIST"
        target_types         = ["TLS_SNI", "HTTP_HOST"]
        targets              = [".amazonaws.com", ".ubuntu.com", ".customs.gov.vn"]
      }
    }
  }
}

resource "aws_networkfirewall_firewall_policy" "egress" {
  name = "dc-egress"

  firewall_policy {
    stateless_default_actions          = ["aws:forward_to_sfe"]
    stateless_fragment_default_actions = ["aws:forward_to_sfe"]

    stateful_rule_group_reference {
      resource_arn = aws_networkfirewall_rule_group.allowed_domains.arn
    }
  }
}

resource "aws_networkfirewall_firewall" "egress" {
  name                = "dc-egress"
  firewall_policy_arn = aws_networkfirewall_firewall_policy.egress.arn
  vpc_id              = aws_vpc.dc.id

  subnet_mapping {
    subnet_id = aws_subnet.zone["filter"].id
  }
}

resource "aws_route_table" "edge" {
  vpc_id = aws_vpc.dc.id
  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = aws_internet_gateway.edge.id
  }
}

# Replies to the inner zones go back through the firewall, so that it sees
# both directions of each connection.
resource "aws_route_table" "proxy" {
  vpc_id = aws_vpc.dc.id
  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = aws_internet_gateway.edge.id
  }
  dynamic "route" {
    for_each = local.inner_zones
    content {
      cidr_block      = aws_subnet.zone[route.value].cidr_block
      vpc_endpoint_id = local.firewall_endpoint
    }
  }
}

resource "aws_route_table" "filter" {
  vpc_id = aws_vpc.dc.id
  route {
    cidr_block     = "0.0.0.0/0"
    nat_gateway_id = aws_nat_gateway.proxy.id
  }
}

resource "aws_route_table" "inner" {
  vpc_id = aws_vpc.dc.id
  route {
    cidr_block      = "0.0.0.0/0"
    vpc_endpoint_id = local.firewall_endpoint
  }
}

resource "aws_route_table_association" "edge" {
  subnet_id      = aws_subnet.zone["dmz"].id
  route_table_id = aws_route_table.edge.id
}

resource "aws_route_table_association" "proxy" {
  subnet_id      = aws_subnet.zone["proxy"].id
  route_table_id = aws_route_table.proxy.id
}

resource "aws_route_table_association" "filter" {
  subnet_id      = aws_subnet.zone["filter"].id
  route_table_id = aws_route_table.filter.id
}

resource "aws_route_table_association" "inner" {
  for_each       = local.inner_zones
  subnet_id      = aws_subnet.zone[each.key].id
  route_table_id = aws_route_table.inner.id
}

# Wireless users reach the Internet (through the firewall above) and nothing
# of the wired user zone; the ACL is stateless, so replies come back on the
# ephemeral ports.
resource "aws_network_acl" "wifi" {
  vpc_id     = aws_vpc.dc.id
  subnet_ids = [aws_subnet.zone["wifi"].id]

  egress {
    rule_no    = 100
    action     = "deny"
    protocol   = "-1"
    from_port  = 0
    to_port    = 0
    cidr_block = aws_subnet.zone["office"].cidr_block
  }

  egress {
    rule_no    = 110
    action     = "allow"
    protocol   = "tcp"
    from_port  = 443
    to_port    = 443
    cidr_block = "0.0.0.0/0"
  }

  ingress {
    rule_no    = 100
    action     = "deny"
    protocol   = "-1"
    from_port  = 0
    to_port    = 0
    cidr_block = aws_subnet.zone["office"].cidr_block
  }

  ingress {
    rule_no    = 110
    action     = "allow"
    protocol   = "tcp"
    from_port  = 1024
    to_port    = 65535
    cidr_block = "0.0.0.0/0"
  }
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
