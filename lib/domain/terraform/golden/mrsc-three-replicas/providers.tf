# Primary Region of stock-reservations. Credentials come from the environment or a profile.
# Every resource lives in this Region; replicas are `replica` blocks of the table.
provider "aws" {
  region = "eu-west-1"
}
