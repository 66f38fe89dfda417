resource "aws_dynamodb_table" "this" {
  name                        = "sessions-global"
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = "sessionId"
  table_class                 = "STANDARD"
  deletion_protection_enabled = true
  stream_enabled              = true
  stream_view_type            = "NEW_AND_OLD_IMAGES"

  attribute {
    name = "sessionId"
    type = "S"
  }

  attribute {
    name = "userId"
    type = "S"
  }

  global_secondary_index {
    name            = "by-user"
    projection_type = "KEYS_ONLY"

    key_schema {
      attribute_name = "userId"
      key_type       = "HASH"
    }
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
    kms_key_arn = "arn:aws:kms:us-east-1:123456789012:key/1111aaaa-2222-3333-4444-555566667777"
  }

  replica {
    region_name                 = "eu-west-1"
    kms_key_arn                 = "arn:aws:kms:eu-west-1:123456789012:key/2222bbbb-3333-4444-5555-666677778888"
    point_in_time_recovery      = true
    deletion_protection_enabled = true
    propagate_tags              = true
  }

  replica {
    region_name                 = "ap-southeast-2"
    kms_key_arn                 = "arn:aws:kms:ap-southeast-2:123456789012:key/3333cccc-4444-5555-6666-777788889999"
    point_in_time_recovery      = true
    deletion_protection_enabled = true
    propagate_tags              = true
  }

  tags = {
    CostCenter  = "CC-4100"
    DataClass   = "confidential"
    Environment = "prod"
    Team        = "identity"
  }

  # The tier policy protects this table from terraform destroy and from replacement (prevent_destroy).
  # An acknowledged destructive change renders its one revision without it (the module README says so).
  lifecycle {
    prevent_destroy = true
  }
}
