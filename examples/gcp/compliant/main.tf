# A small Google Cloud network that keeps the zoning rules: the internet
# reaches only HTTPS on the web instances in the DMZ subnetwork, SSH comes only
# from the management subnetwork, and the database has no public address.

resource "google_compute_network" "core" {
  name                    = "vpc-core"
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
  name         = "web-1"
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
    network_ip = "10.20.1.10"
    access_config {}
  }
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

    ip_configuration {
      ipv4_enabled    = false
      private_network = google_compute_network.core.id
    }
  }
}
