resource "aws_dynamodb_table" "this" {
  name                        = "contracts"
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = "contractId"
  range_key                   = "version"
  table_class                 = "STANDARD_INFREQUENT_ACCESS"
  deletion_protection_enabled = true

  attribute {
    name = "contractId"
    type = "S"
  }

  attribute {
    name = "version"
    type = "N"
  }

  ttl {
    enabled = false
  }

  point_in_time_recovery {
    enabled                 = true
    recovery_period_in_days = 35
  }

  server_side_encryption {
    enabled     = true
    kms_key_arn = "arn:aws:kms:eu-central-1:123456789012:key/4444dddd-5555-6666-7777-88889999aaaa"
  }

  tags = {
    CostCenter  = "CC-7000"
    Environment = "prod"
    Team        = "documents"
  }

  # The tier policy protects this table from terraform destroy and from replacement (prevent_destroy).
  # An acknowledged destructive change renders its one revision without it (the module README says so).
  lifecycle {
    prevent_destroy = true
  }
}
