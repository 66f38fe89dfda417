resource "aws_dynamodb_table" "this" {
  name                        = "global-profiles"
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = "profileId"
  range_key                   = "recordType"
  table_class                 = "STANDARD"
  deletion_protection_enabled = true
  stream_enabled              = true
  stream_view_type            = "NEW_AND_OLD_IMAGES"

  attribute {
    name = "profileId"
    type = "S"
  }

  attribute {
    name = "recordType"
    type = "S"
  }

  attribute {
    name = "email"
    type = "S"
  }

  global_secondary_index {
    name            = "by-email"
    hash_key        = "email"
    projection_type = "KEYS_ONLY"
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
    kms_key_arn = "arn:aws:kms:us-east-1:123456789012:key/0001aaaa-1111-2222-3333-444455556666"
  }

  tags = {
    CostCenter  = "CC-0001"
    Environment = "prod"
    Team        = "platform"
  }

  # The tier policy protects this table from terraform destroy and from replacement (prevent_destroy).
  # An acknowledged destructive change renders its one revision without it (the module README says so).
  # Replicas are aws_dynamodb_table_replica resources (replicas.tf), which the provider says not to mix with replica blocks.
  lifecycle {
    prevent_destroy = true
    ignore_changes  = [replica]
  }
}
