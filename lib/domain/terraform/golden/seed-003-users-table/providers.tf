# Primary Region of users-table. Credentials come from the environment or a profile.
# Every resource lives in this Region.
provider "aws" {
  region = "us-east-1"
}
