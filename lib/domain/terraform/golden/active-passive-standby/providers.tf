# Primary Region of invoices. Credentials come from the environment or a profile.
# Every resource lives in this Region.
provider "aws" {
  region = "us-east-1"
}
