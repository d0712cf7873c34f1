# A FortiGate that keeps the zoning rules: the internet reaches only HTTPS on
# the web server in the DMZ, SSH comes only from the management interface, and
# everything else from the internet to the internal network is denied.

resource "fortios_system_interface" "wan" {
  name        = "port1"
  vdom        = "root"
  role        = "wan"
  ip          = "203.0.113.2 255.255.255.0"
  allowaccess = "ping"
}

resource "fortios_system_interface" "dmz" {
  name  = "port2"
  vdom  = "root"
  alias = "dmz"
  ip    = "10.40.1.1 255.255.255.0"
}

resource "fortios_system_interface" "internal" {
  name        = "port3"
  vdom        = "root"
  ip          = "10.40.2.1/24"
  description = "Zone=internal"
}

resource "fortios_system_interface" "mgmt" {
  name  = "port4"
  vdom  = "root"
  ip    = "10.40.9.1 255.255.255.0"
}

resource "fortios_system_zone" "mgmt" {
  name = "mgmt"

  interface {
    interface_name = "port4"
  }
}

resource "fortios_firewall_address" "web" {
  name   = "web-server"
  type   = "ipmask"
  subnet = "10.40.1.10 255.255.255.255"
}

resource "fortios_firewall_address" "app_range" {
  name     = "app-servers"
  type     = "iprange"
  start_ip = "10.40.2.10"
  end_ip   = "10.40.2.20"
}

resource "fortios_firewall_addrgrp" "app" {
  name = "app-group"

  member {
    name = "app-servers"
  }
}

resource "fortios_firewallservice_custom" "app" {
  name          = "app-8080"
  protocol      = "TCP/UDP/SCTP"
  tcp_portrange = "8080 8443-8444"
}

resource "fortios_firewall_policy" "web_in" {
  policyid = 1
  name     = "web-in"
  action   = "accept"
  srcintf { name = "port1" }
  dstintf { name = "port2" }
  srcaddr { name = "all" }
  dstaddr { name = "web-server" }
  service { name = "HTTPS" }
}

resource "fortios_firewall_policy" "ssh_from_mgmt" {
  policyid = 2
  name     = "ssh-from-mgmt"
  action   = "accept"
  srcintf { name = "mgmt" }
  dstintf { name = "port2" }
  srcaddr { name = "all" }
  dstaddr { name = "all" }
  service { name = "SSH" }
}

resource "fortios_firewall_policy" "dmz_to_app" {
  policyid = 3
  name     = "dmz-to-app"
  action   = "accept"
  srcintf { name = "port2" }
  dstintf { name = "port3" }
  srcaddr { name = "web-server" }
  dstaddr { name = "app-group" }
  service { name = "app-8080" }
}

resource "fortios_firewall_policy" "deny_wan_internal" {
  policyid = 99
  name     = "deny-wan-internal"
  action   = "deny"
  srcintf { name = "port1" }
  dstintf { name = "port3" }
  srcaddr { name = "all" }
  dstaddr { name = "all" }
  service { name = "ALL" }
}
