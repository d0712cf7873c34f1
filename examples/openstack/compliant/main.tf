# A small OpenStack network that keeps the zoning rules: the internet reaches
# only HTTPS on the web server in the DMZ, and SSH comes only from the
# management subnet.

# The cloud is rented from a provider: the tag names the hosting agreement.
resource "openstack_networking_network_v2" "core" {
  name = "core"
  tags = ["HostingAgreement=HD-2024-022"]
}

resource "openstack_networking_subnet_v2" "dmz" {
  name       = "dmz"
  network_id = openstack_networking_network_v2.core.id
  cidr       = "10.30.1.0/24"
  tags       = ["Zone=dmz"]
}

resource "openstack_networking_subnet_v2" "app" {
  name       = "app"
  network_id = openstack_networking_network_v2.core.id
  cidr       = "10.30.2.0/24"
  tags       = ["Zone=internal"]
}

resource "openstack_networking_subnet_v2" "mgmt" {
  name       = "mgmt"
  network_id = openstack_networking_network_v2.core.id
  cidr       = "10.30.9.0/24"
  tags       = ["Zone=management"]
}

resource "openstack_networking_router_v2" "edge" {
  name                = "edge"
  external_network_id = "f67f0d72-0ddf-11e4-9d95-e1f29f417e2f"
}

resource "openstack_networking_router_interface_v2" "dmz" {
  router_id = openstack_networking_router_v2.edge.id
  subnet_id = openstack_networking_subnet_v2.dmz.id
}

resource "openstack_networking_secgroup_v2" "web" {
  name        = "web"
  description = "Zone=dmz"
}

resource "openstack_networking_secgroup_rule_v2" "web_https" {
  security_group_id = openstack_networking_secgroup_v2.web.id
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "tcp"
  port_range_min    = 443
  port_range_max    = 443
  remote_ip_prefix  = "0.0.0.0/0"
}

resource "openstack_networking_secgroup_rule_v2" "web_ssh" {
  security_group_id = openstack_networking_secgroup_v2.web.id
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "tcp"
  port_range_min    = 22
  port_range_max    = 22
  remote_ip_prefix  = "10.30.9.0/24"
}

resource "openstack_networking_secgroup_v2" "app" {
  name = "app"
}

resource "openstack_networking_secgroup_rule_v2" "app_from_web" {
  security_group_id = openstack_networking_secgroup_v2.app.id
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "tcp"
  port_range_min    = 8080
  port_range_max    = 8080
  remote_group_id   = openstack_networking_secgroup_v2.web.id
}

resource "openstack_networking_port_v2" "web" {
  name               = "web"
  network_id         = openstack_networking_network_v2.core.id
  security_group_ids = [openstack_networking_secgroup_v2.web.id]

  fixed_ip {
    subnet_id  = openstack_networking_subnet_v2.dmz.id
    ip_address = "10.30.1.10"
  }
}

resource "openstack_compute_instance_v2" "web" {
  name        = "web-1"
  flavor_name = "m1.small"
  image_name  = "debian-12"

  network {
    port = openstack_networking_port_v2.web.id
  }
}

resource "openstack_networking_floatingip_v2" "web" {
  pool    = "public"
  port_id = openstack_networking_port_v2.web.id
}

resource "openstack_compute_instance_v2" "app" {
  name            = "app-1"
  flavor_name     = "m1.small"
  image_name      = "debian-12"
  security_groups = ["app"]

  network {
    uuid        = openstack_networking_network_v2.core.id
    fixed_ip_v4 = "10.30.2.10"
  }
}
