# Primary Region of my-global-table. Credentials come from the environment or a profile.
# Provider 5 has no per-resource `region` argument: each other Region has an aliased provider,
# declared in versions.tf (configuration_aliases). To call this folder as a child module, delete
# this file and pass every alias: providers = { aws = aws, aws.<alias> = aws.<yours>, ... }.
provider "aws" {
  region = "us-east-1"
}

provider "aws" {
  alias  = "eu_west_1"
  region = "eu-west-1"
}
