# Primary Region of invoices. Credentials come from the environment or a profile.
# Resources in us-west-2 set the per-resource `region` argument (provider 6), not an alias.
provider "aws" {
  region = "us-east-1"
}
