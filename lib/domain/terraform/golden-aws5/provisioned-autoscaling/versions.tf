terraform {
  required_version = ">= 1.5.0, < 2.0.0"

  # hashicorp/aws >= 5.100.0: the 5.x release this module is validated and planned against.
  # - 5.100.0: the last 5.x release (aws_dynamodb_table_replica deletion_protection_enabled arrived in 5.80.0, on_demand_throughput in 5.72.0)
  # < 6.0.0: a major release may change these schemas; move up deliberately.
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.100.0, < 6.0.0"
    }
  }
}
