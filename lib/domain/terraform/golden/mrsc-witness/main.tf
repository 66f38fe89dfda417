resource "aws_dynamodb_table" "this" {
  name                        = "ledger-entries"
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = "accountId"
  range_key                   = "entryId"
  table_class                 = "STANDARD"
  deletion_protection_enabled = true

  attribute {
    name = "accountId"
    type = "S"
  }

  attribute {
    name = "entryId"
    type = "S"
  }

  ttl {
    enabled = false
  }

  point_in_time_recovery {
    enabled                 = true
    recovery_period_in_days = 35
  }

  server_side_encryption {
    enabled = false
  }

  replica {
    region_name                 = "us-east-2"
    point_in_time_recovery      = true
    deletion_protection_enabled = true
    propagate_tags              = true
    consistency_mode            = "STRONG"
  }

  global_table_witness {
    region_name = "us-west-2"
  }

  tags = {
    CostCenter  = "CC-5000"
    Environment = "prod"
    Team        = "payments"
  }

  # The tier policy protects this table from terraform destroy and from replacement (prevent_destroy).
  # An acknowledged destructive change renders its one revision without it (the module README says so).
  lifecycle {
    prevent_destroy = true
  }
}
