# Primary Region of campaigns. Credentials come from the environment or a profile.
# Every resource lives in this Region; replicas are `replica` blocks of the table.
provider "aws" {
  region = "af-south-1"
}
