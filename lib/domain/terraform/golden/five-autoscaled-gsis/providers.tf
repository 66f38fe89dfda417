# Primary Region of inventory-items. Credentials come from the environment or a profile.
# Every resource lives in this Region.
provider "aws" {
  region = "eu-central-1"
}
