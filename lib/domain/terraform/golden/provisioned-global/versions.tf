terraform {
  required_version = ">= 1.5.0, < 2.0.0"

  # hashicorp/aws >= 6.37.0: the lowest release with every argument this module uses.
  # - 6.0.0: provider 6 baseline (per-resource `region` argument, current DynamoDB and Backup schemas)
  # - 6.37.0: `global_secondary_index.key_schema` (added 6.29.0, which deprecated GSI `hash_key`/`range_key`; 6.30.0 fixed a panic, later releases fixed a perpetual diff with RANGE keys (#46442) and removal of one GSI recreating all (#46602))
  # < 7.0.0: a major release may change these schemas; move up deliberately.
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 6.37.0, < 7.0.0"
    }
  }
}
