# Primary Region of my-global-table. Credentials come from the environment or a profile.
# Resources in eu-west-1 set the per-resource `region` argument (provider 6), not an alias.
provider "aws" {
  region = "us-east-1"
}
