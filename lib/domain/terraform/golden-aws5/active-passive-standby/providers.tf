# Primary Region of invoices. Credentials come from the environment or a profile.
# Provider 5 has no per-resource `region` argument: each other Region has an aliased provider,
# declared in versions.tf (configuration_aliases). To call this folder as a child module, delete
# this file and pass every alias: providers = { aws = aws, aws.<alias> = aws.<yours>, ... }.
provider "aws" {
  region = "us-east-1"
}

provider "aws" {
  alias  = "us_west_2"
  region = "us-west-2"
}
