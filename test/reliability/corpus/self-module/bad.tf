module "itself" {
  source = "./"
}
