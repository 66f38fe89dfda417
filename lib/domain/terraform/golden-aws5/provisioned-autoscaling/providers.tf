# Primary Region of catalog-products-staging. Credentials come from the environment or a profile.
provider "aws" {
  region = "eu-west-1"
}
