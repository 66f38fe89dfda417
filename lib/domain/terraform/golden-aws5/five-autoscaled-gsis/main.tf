resource "aws_dynamodb_table" "this" {
  name                        = "inventory-items"
  billing_mode                = "PROVISIONED"
  hash_key                    = "itemId"
  read_capacity               = 10
  write_capacity              = 10
  table_class                 = "STANDARD"
  deletion_protection_enabled = false

  attribute {
    name = "itemId"
    type = "S"
  }

  attribute {
    name = "sku"
    type = "S"
  }

  attribute {
    name = "warehouseId"
    type = "S"
  }

  attribute {
    name = "status"
    type = "S"
  }

  attribute {
    name = "updatedAt"
    type = "N"
  }

  attribute {
    name = "supplierId"
    type = "S"
  }

  global_secondary_index {
    name            = "by-sku"
    hash_key        = "sku"
    projection_type = "ALL"
    read_capacity   = 5
    write_capacity  = 5
  }

  global_secondary_index {
    name               = "by-warehouse"
    hash_key           = "warehouseId"
    projection_type    = "INCLUDE"
    non_key_attributes = ["quantity"]
    read_capacity      = 5
    write_capacity     = 5
  }

  global_secondary_index {
    name            = "by-status"
    hash_key        = "status"
    projection_type = "ALL"
    read_capacity   = 5
    write_capacity  = 5
  }

  global_secondary_index {
    name            = "by-updated"
    hash_key        = "updatedAt"
    projection_type = "ALL"
    read_capacity   = 5
    write_capacity  = 5
  }

  global_secondary_index {
    name            = "by-supplier"
    hash_key        = "supplierId"
    projection_type = "ALL"
    read_capacity   = 5
    write_capacity  = 5
  }

  ttl {
    enabled = false
  }

  point_in_time_recovery {
    enabled                 = true
    recovery_period_in_days = 7
  }

  server_side_encryption {
    enabled = false
  }

  tags = {
    CostCenter  = "CC-8200"
    Environment = "staging"
    Team        = "inventory"
  }

  # Autoscaling owns this capacity; without this every plan would reset it.
  lifecycle {
    ignore_changes = [read_capacity, write_capacity, global_secondary_index]
  }
}
