# Primary Region of inventory-items. Credentials come from the environment or a profile.
provider "aws" {
  region = "eu-central-1"
}
