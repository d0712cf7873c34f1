# A small Google Cloud network that keeps the zoning rules: the internet
# reaches only HTTPS on the web instances in the DMZ subnetwork, through a
# network load balancer; SSH comes only from the management subnetwork, and
# the database has no public address and writes a pgaudit log.

# A network cannot carry labels, so the project records the agreement with
# Google, the rented hosting the portal runs on.
resource "google_project" "portal" {
  name       = "portal"
  project_id = "portal-prod"
  labels = {
    hostingagreement = "hd-2024-022"
  }
}

resource "google_compute_network" "core" {
  name                    = "vpc-core"
  project                 = google_project.portal.project_id
  auto_create_subnetworks = false
}

resource "google_compute_subnetwork" "dmz" {
  name          = "dmz"
  network       = google_compute_network.core.id
  region        = "asia-southeast1"
  ip_cidr_range = "10.20.1.0/24"
}

resource "google_compute_subnetwork" "app" {
  name          = "app"
  network       = google_compute_network.core.id
  region        = "asia-southeast1"
  ip_cidr_range = "10.20.2.0/24"
}

resource "google_compute_subnetwork" "mgmt" {
  name          = "mgmt"
  network       = google_compute_network.core.name
  region        = "asia-southeast1"
  ip_cidr_range = "10.20.9.0/24"
}

resource "google_compute_firewall" "https_in" {
  name          = "https-in"
  network       = google_compute_network.core.name
  direction     = "INGRESS"
  priority      = 1000
  source_ranges = ["0.0.0.0/0"]
  target_tags   = ["web"]

  allow {
    protocol = "tcp"
    ports    = ["443"]
  }
}

resource "google_compute_firewall" "ssh_from_mgmt" {
  name          = "ssh-from-mgmt"
  network       = google_compute_network.core.name
  source_ranges = ["10.20.9.0/24"]

  allow {
    protocol = "tcp"
    ports    = ["22"]
  }
}

resource "google_compute_firewall" "app_from_web" {
  name        = "app-from-web"
  network     = google_compute_network.core.name
  source_tags = ["web"]
  target_tags = ["app"]

  allow {
    protocol = "tcp"
    ports    = ["8080"]
  }
}

resource "google_compute_instance" "web" {
  count        = 2
  name         = "web-${count.index + 1}"
  machine_type = "e2-small"
  zone         = "asia-southeast1-a"
  tags         = ["web"]

  boot_disk {
    initialize_params {
      image = "debian-cloud/debian-12"
    }
  }

  network_interface {
    subnetwork = google_compute_subnetwork.dmz.id
    network_ip = "10.20.1.${10 + count.index}"
  }
}

# The web instances have no public address of their own: the forwarding rule
# is the portal's only public address and spreads HTTPS over both of them.
resource "google_compute_target_pool" "web" {
  name   = "web"
  region = "asia-southeast1"
  instances = [
    google_compute_instance.web[0].self_link,
    google_compute_instance.web[1].self_link,
  ]
}

resource "google_compute_forwarding_rule" "https" {
  name                  = "portal-https"
  region                = "asia-southeast1"
  load_balancing_scheme = "EXTERNAL"
  ip_protocol           = "TCP"
  port_range            = "443"
  target                = google_compute_target_pool.web.id
}

resource "google_compute_instance" "app" {
  name         = "app-1"
  machine_type = "e2-small"
  zone         = "asia-southeast1-a"
  tags         = ["app"]

  boot_disk {
    initialize_params {
      image = "debian-cloud/debian-12"
    }
  }

  network_interface {
    subnetwork = google_compute_subnetwork.app.name
  }
}

resource "google_sql_database_instance" "orders" {
  name             = "orders"
  database_version = "POSTGRES_15"
  region           = "asia-southeast1"

  settings {
    tier = "db-custom-2-7680"

    # pgaudit records each read and write; Cloud SQL sends it to Cloud Logging.
    database_flags {
      name  = "cloudsql.enable_pgaudit"
      value = "on"
    }

    database_flags {
      name  = "pgaudit.log"
      value = "read,write"
    }

    ip_configuration {
      ipv4_enabled    = false
      private_network = google_compute_network.core.id
    }
  }
}
