# Primary Region of users-table. Credentials come from the environment or a profile.
provider "aws" {
  region = "us-east-1"
}
