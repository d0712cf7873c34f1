# A PAN-OS firewall that keeps the zoning rules: the internet reaches only SSL
# on the web server in the DMZ, SSH comes only from the management zone, and
# the last rule denies everything else.

resource "panos_ethernet_interface" "untrust" {
  name       = "ethernet1/1"
  vsys       = "vsys1"
  mode       = "layer3"
  static_ips = ["203.0.113.2/24"]
}

resource "panos_ethernet_interface" "dmz" {
  name       = "ethernet1/2"
  vsys       = "vsys1"
  mode       = "layer3"
  static_ips = ["10.50.1.1/24"]
}

resource "panos_ethernet_interface" "internal" {
  name       = "ethernet1/3"
  vsys       = "vsys1"
  mode       = "layer3"
  static_ips = ["10.50.2.1/24"]
}

resource "panos_ethernet_interface" "mgmt" {
  name       = "ethernet1/4"
  vsys       = "vsys1"
  mode       = "layer3"
  static_ips = ["10.50.9.1/24"]
}

resource "panos_zone" "untrust" {
  name       = "untrust"
  mode       = "layer3"
  interfaces = [panos_ethernet_interface.untrust.name]
}

resource "panos_zone" "dmz" {
  name       = "dmz"
  mode       = "layer3"
  interfaces = [panos_ethernet_interface.dmz.name]
}

resource "panos_zone" "internal" {
  name       = "internal"
  mode       = "layer3"
  interfaces = [panos_ethernet_interface.internal.name]
}

resource "panos_zone" "mgmt" {
  name       = "mgmt"
  mode       = "layer3"
  interfaces = [panos_ethernet_interface.mgmt.name]
}

resource "panos_address_object" "web" {
  name  = "web-server"
  value = "10.50.1.10/32"
}

resource "panos_service_object" "app" {
  name             = "app-8080"
  protocol         = "tcp"
  destination_port = "8080"
}

resource "panos_security_policy" "main" {
  rule {
    name                  = "web-in"
    source_zones          = [panos_zone.untrust.name]
    source_addresses      = ["any"]
    source_users          = ["any"]
    destination_zones     = [panos_zone.dmz.name]
    destination_addresses = [panos_address_object.web.name]
    applications          = ["ssl"]
    services              = ["application-default"]
    categories            = ["any"]
    action                = "allow"
  }

  rule {
    name                  = "ssh-from-mgmt"
    source_zones          = [panos_zone.mgmt.name]
    source_addresses      = ["any"]
    source_users          = ["any"]
    destination_zones     = [panos_zone.dmz.name, panos_zone.internal.name]
    destination_addresses = ["any"]
    applications          = ["ssh"]
    services              = ["application-default"]
    categories            = ["any"]
    action                = "allow"
  }

  rule {
    name                  = "dmz-to-app"
    source_zones          = [panos_zone.dmz.name]
    source_addresses      = [panos_address_object.web.name]
    source_users          = ["any"]
    destination_zones     = [panos_zone.internal.name]
    destination_addresses = ["any"]
    applications          = ["any"]
    services              = [panos_service_object.app.name]
    categories            = ["any"]
    action                = "allow"
  }

  rule {
    name                  = "deny-all"
    source_zones          = ["any"]
    source_addresses      = ["any"]
    source_users          = ["any"]
    destination_zones     = ["any"]
    destination_addresses = ["any"]
    applications          = ["any"]
    services              = ["any"]
    categories            = ["any"]
    action                = "deny"
  }
}
