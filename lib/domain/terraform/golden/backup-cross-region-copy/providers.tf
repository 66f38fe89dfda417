# Primary Region of contracts. Credentials come from the environment or a profile.
# Resources in eu-west-1 set the per-resource `region` argument (provider 6), not an alias.
provider "aws" {
  region = "eu-central-1"
}
