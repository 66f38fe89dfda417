terraform {
  required_version = ">= 1.5.0, < 2.0.0"

  # hashicorp/aws >= 6.22.0: the lowest release with every argument this module uses.
  # - 6.0.0: provider 6 baseline (per-resource `region` argument, current DynamoDB and Backup schemas)
  # - 6.3.0: `replica.consistency_mode` (multi-Region strong consistency)
  # - 6.9.0: `replica.deletion_protection_enabled`
  # - 6.22.0: `global_table_witness`
  # < 7.0.0: a major release may change these schemas; move up deliberately.
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 6.22.0, < 7.0.0"
    }
  }
}
