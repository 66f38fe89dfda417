resource "aws_dynamodb_table" "this" {
  name                        = "prod-user-notifications"
  billing_mode                = "PROVISIONED"
  hash_key                    = "PK"
  range_key                   = "SK"
  read_capacity               = 10
  write_capacity              = 10
  table_class                 = "STANDARD"
  deletion_protection_enabled = true
  stream_enabled              = true
  stream_view_type            = "NEW_AND_OLD_IMAGES"

  attribute {
    name = "PK"
    type = "S"
  }

  attribute {
    name = "SK"
    type = "S"
  }

  ttl {
    attribute_name = "ttl"
    enabled        = true
  }

  point_in_time_recovery {
    enabled                 = true
    recovery_period_in_days = 35
  }

  server_side_encryption {
    enabled     = true
    kms_key_arn = "arn:aws:kms:us-east-1:123456789012:key/0004aaaa-1111-2222-3333-444455556666"
  }

  tags = {
    CostCenter  = "CC-0004"
    Environment = "prod"
    ManagedBy   = "Terraform"
    Project     = "Twitter Backend"
    Team        = "twitter-backend"
  }

  # The tier policy protects this table from terraform destroy and from replacement (prevent_destroy).
  # An acknowledged destructive change renders its one revision without it (the module README says so).
  # Autoscaling owns this capacity; without this every plan would reset it.
  lifecycle {
    prevent_destroy = true
    ignore_changes  = [read_capacity, write_capacity]
  }
}
