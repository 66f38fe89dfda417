# Primary Region of campaigns. Credentials come from the environment or a profile.
# Every resource lives in this Region.
provider "aws" {
  region = "af-south-1"
}
