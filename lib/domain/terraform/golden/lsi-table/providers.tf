# Primary Region of threads-staging. Credentials come from the environment or a profile.
# Every resource lives in this Region.
provider "aws" {
  region = "ap-southeast-2"
}
