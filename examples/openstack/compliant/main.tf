# A small OpenStack network that keeps the zoning rules: the internet reaches
# only HTTPS on the load balancer in the DMZ, which spreads it over two web
# servers; SSH comes only from the management subnet, and outbound traffic
# has a proxy in the internet-access zone.

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

# The edge router translates outbound traffic (SNAT is on by default), so the
# servers reach the Internet: they do it through the proxy in this zone.
resource "openstack_networking_subnet_v2" "egress" {
  name       = "egress"
  network_id = openstack_networking_network_v2.core.id
  cidr       = "10.30.3.0/24"
  tags       = ["Zone=internet-access"]
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

resource "openstack_networking_router_interface_v2" "egress" {
  router_id = openstack_networking_router_v2.edge.id
  subnet_id = openstack_networking_subnet_v2.egress.id
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
  count              = 2
  name               = "web-${count.index + 1}"
  network_id         = openstack_networking_network_v2.core.id
  security_group_ids = [openstack_networking_secgroup_v2.web.id]

  fixed_ip {
    subnet_id  = openstack_networking_subnet_v2.dmz.id
    ip_address = "10.30.1.${10 + count.index}"
  }
}

resource "openstack_compute_instance_v2" "web" {
  count       = 2
  name        = "web-${count.index + 1}"
  flavor_name = "m1.small"
  image_name  = "debian-12"

  network {
    port = openstack_networking_port_v2.web[count.index].id
  }
}

# The portal is published through an Octavia load balancer in the DMZ: the
# floating IP on its VIP is the only public address, and both web servers are
# members of its pool.
resource "openstack_lb_loadbalancer_v2" "portal" {
  name          = "portal"
  vip_subnet_id = openstack_networking_subnet_v2.dmz.id
}

resource "openstack_lb_listener_v2" "https" {
  name            = "https"
  loadbalancer_id = openstack_lb_loadbalancer_v2.portal.id
  protocol        = "TCP"
  protocol_port   = 443
}

resource "openstack_lb_pool_v2" "web" {
  name        = "web"
  listener_id = openstack_lb_listener_v2.https.id
  protocol    = "TCP"
  lb_method   = "ROUND_ROBIN"
}

resource "openstack_lb_member_v2" "web" {
  count         = 2
  pool_id       = openstack_lb_pool_v2.web.id
  address       = openstack_compute_instance_v2.web[count.index].access_ip_v4
  subnet_id     = openstack_networking_subnet_v2.dmz.id
  protocol_port = 443
}

resource "openstack_networking_floatingip_v2" "portal" {
  pool    = "public"
  port_id = openstack_lb_loadbalancer_v2.portal.vip_port_id
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

resource "openstack_networking_secgroup_v2" "proxy" {
  name        = "proxy"
  description = "Zone=internet-access"
}

resource "openstack_networking_secgroup_rule_v2" "proxy_from_servers" {
  security_group_id = openstack_networking_secgroup_v2.proxy.id
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "tcp"
  port_range_min    = 3128
  port_range_max    = 3128
  remote_ip_prefix  = "10.30.0.0/16"
}

resource "openstack_compute_instance_v2" "proxy" {
  name            = "proxy-1"
  flavor_name     = "m1.small"
  image_name      = "debian-12"
  security_groups = ["proxy"]
  user_data       = "#!/bin/sh\napt-get install -y squid\n"

  network {
    uuid        = openstack_networking_network_v2.core.id
    fixed_ip_v4 = "10.30.3.10"
  }
}
