resource "aws_dynamodb_table" "this" {
  name                        = "orders-provisioned"
  billing_mode                = "PROVISIONED"
  hash_key                    = "orderId"
  read_capacity               = 20
  write_capacity              = 20
  table_class                 = "STANDARD"
  deletion_protection_enabled = true
  stream_enabled              = true
  stream_view_type            = "NEW_AND_OLD_IMAGES"

  attribute {
    name = "orderId"
    type = "S"
  }

  attribute {
    name = "customerId"
    type = "S"
  }

  attribute {
    name = "placedAt"
    type = "S"
  }

  global_secondary_index {
    name            = "by-customer"
    projection_type = "KEYS_ONLY"
    read_capacity   = 10
    write_capacity  = 10

    key_schema {
      attribute_name = "customerId"
      key_type       = "HASH"
    }

    key_schema {
      attribute_name = "placedAt"
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
    enabled = false
  }

  tags = {
    CostCenter  = "CC-7100"
    Environment = "prod"
    Team        = "orders"
  }

  # The tier policy protects this table from terraform destroy and from replacement (prevent_destroy).
  # An acknowledged destructive change renders its one revision without it (the module README says so).
  # Autoscaling owns this capacity; without this every plan would reset it.
  # Replicas are aws_dynamodb_table_replica resources (replicas.tf), which the provider says not to mix with replica blocks.
  lifecycle {
    prevent_destroy = true
    ignore_changes  = [read_capacity, write_capacity, global_secondary_index, replica]
  }
}
