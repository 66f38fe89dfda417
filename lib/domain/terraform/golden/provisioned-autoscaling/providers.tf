# Primary Region of catalog-products-staging. Credentials come from the environment or a profile.
# Every resource lives in this Region.
provider "aws" {
  region = "eu-west-1"
}
