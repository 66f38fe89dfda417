resource "aws_dynamodb_table" "this" {
  name                        = "catalog-products-staging"
  billing_mode                = "PROVISIONED"
  hash_key                    = "productId"
  read_capacity               = 50
  write_capacity              = 10
  table_class                 = "STANDARD"
  deletion_protection_enabled = false

  attribute {
    name = "productId"
    type = "S"
  }

  attribute {
    name = "category"
    type = "S"
  }

  attribute {
    name = "price"
    type = "N"
  }

  global_secondary_index {
    name            = "by-category"
    hash_key        = "category"
    range_key       = "price"
    projection_type = "ALL"
    read_capacity   = 20
    write_capacity  = 5
  }

  ttl {
    enabled = false
  }

  point_in_time_recovery {
    enabled                 = true
    recovery_period_in_days = 14
  }

  server_side_encryption {
    enabled = false
  }

  tags = {
    CostCenter  = "CC-3300"
    Environment = "staging"
    Team        = "catalog"
  }

  # Autoscaling owns this capacity; without this every plan would reset it.
  lifecycle {
    ignore_changes = [read_capacity, write_capacity, global_secondary_index]
  }
}
