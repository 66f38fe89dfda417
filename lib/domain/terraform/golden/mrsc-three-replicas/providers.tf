# Primary Region of stock-reservations. Credentials come from the environment or a profile.
# Resources in eu-west-2, eu-central-1 set the per-resource `region` argument (provider 6), not an alias.
provider "aws" {
  region = "eu-west-1"
}
