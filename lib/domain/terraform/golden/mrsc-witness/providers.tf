# Primary Region of ledger-entries. Credentials come from the environment or a profile.
# Resources in us-east-2 set the per-resource `region` argument (provider 6), not an alias.
provider "aws" {
  region = "us-east-1"
}
