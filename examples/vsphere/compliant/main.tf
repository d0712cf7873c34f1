# A vSphere cluster with NSX-T segments that keeps the zoning rules: the
# distributed firewall lets the internet reach only HTTPS on the DMZ segment,
# SSH only from the management segment, and drops everything else.

resource "vsphere_tag_category" "zone" {
  name        = "Zone"
  cardinality = "SINGLE"
}

resource "vsphere_tag" "mgmt" {
  name        = "management"
  category_id = vsphere_tag_category.zone.id
}

resource "vsphere_tag" "mgmt_cidr" {
  name        = "10.60.19.0/24"
  category_id = vsphere_tag_category.zone.id
}

resource "vsphere_distributed_port_group" "mgmt" {
  name                            = "pg-mgmt"
  distributed_virtual_switch_uuid = "50 1a 2b 3c"
  vlan_id                         = 19
  tags                            = [vsphere_tag.mgmt.id, vsphere_tag.mgmt_cidr.id]
}

resource "vsphere_virtual_machine" "jump" {
  name             = "jump-1"
  resource_pool_id = "resgroup-1"
  num_cpus         = 2
  memory           = 4096

  network_interface {
    network_id = vsphere_distributed_port_group.mgmt.id
  }

  disk {
    label = "disk0"
    size  = 40
  }
}

resource "nsxt_policy_segment" "dmz" {
  display_name = "seg-dmz"
  subnet {
    cidr = "10.60.1.1/24"
  }
  tag {
    scope = "Zone"
    tag   = "dmz"
  }
}

resource "nsxt_policy_segment" "app" {
  display_name = "seg-app"
  subnet {
    cidr = "10.60.2.1/24"
  }
  tag {
    scope = "Zone"
    tag   = "internal"
  }
}

resource "nsxt_policy_segment" "mgmt" {
  display_name = "seg-mgmt"
  subnet {
    cidr = "10.60.9.1/24"
  }
  tag {
    scope = "Zone"
    tag   = "management"
  }
}

resource "nsxt_policy_group" "web" {
  display_name = "web"
  criteria {
    path_expression {
      member_paths = [nsxt_policy_segment.dmz.path]
    }
  }
}

resource "nsxt_policy_group" "app" {
  display_name = "app"
  criteria {
    path_expression {
      member_paths = [nsxt_policy_segment.app.path]
    }
  }
}

resource "nsxt_policy_group" "mgmt" {
  display_name = "mgmt"
  criteria {
    ipaddress_expression {
      ip_addresses = ["10.60.9.0/24"]
    }
  }
}

resource "nsxt_policy_service" "app" {
  display_name = "app-8080"
  l4_port_set_entry {
    display_name      = "tcp-8080"
    protocol          = "TCP"
    destination_ports = ["8080"]
  }
}

resource "nsxt_policy_security_policy" "zoning" {
  display_name    = "zoning"
  category        = "Application"
  sequence_number = 1

  rule {
    display_name       = "web-in"
    destination_groups = [nsxt_policy_group.web.path]
    services           = ["/infra/services/HTTPS"]
    action             = "ALLOW"
    sequence_number    = 10
  }

  rule {
    display_name       = "ssh-from-mgmt"
    source_groups      = [nsxt_policy_group.mgmt.path]
    destination_groups = [nsxt_policy_group.web.path, nsxt_policy_group.app.path]
    services           = ["/infra/services/SSH"]
    action             = "ALLOW"
    sequence_number    = 20
  }

  rule {
    display_name       = "web-to-app"
    source_groups      = [nsxt_policy_group.web.path]
    destination_groups = [nsxt_policy_group.app.path]
    services           = [nsxt_policy_service.app.path]
    action             = "ALLOW"
    sequence_number    = 30
  }

  rule {
    display_name    = "drop-rest"
    action          = "DROP"
    sequence_number = 1000
  }
}
