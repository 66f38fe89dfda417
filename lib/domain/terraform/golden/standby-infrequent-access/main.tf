resource "aws_dynamodb_table" "this" {
  name                        = "invoices"
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = "invoiceId"
  table_class                 = "STANDARD"
  deletion_protection_enabled = true
  stream_enabled              = true
  stream_view_type            = "NEW_AND_OLD_IMAGES"

  attribute {
    name = "invoiceId"
    type = "S"
  }

  attribute {
    name = "customerId"
    type = "S"
  }

  attribute {
    name = "issuedAt"
    type = "S"
  }

  global_secondary_index {
    name            = "by-customer"
    projection_type = "ALL"

    key_schema {
      attribute_name = "customerId"
      key_type       = "HASH"
    }

    key_schema {
      attribute_name = "issuedAt"
      key_type       = "RANGE"
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
    enabled = true
  }

  tags = {
    CostCenter  = "CC-6100"
    Environment = "prod"
    Team        = "billing"
  }

  # The tier policy protects this table from terraform destroy and from replacement (prevent_destroy).
  # An acknowledged destructive change renders its one revision without it (the module README says so).
  # Replicas are aws_dynamodb_table_replica resources (replicas.tf), which the provider says not to mix with replica blocks.
  lifecycle {
    prevent_destroy = true
    ignore_changes  = [replica]
  }
}
