# Primary Region of threads-staging. Credentials come from the environment or a profile.
provider "aws" {
  region = "ap-southeast-2"
}
