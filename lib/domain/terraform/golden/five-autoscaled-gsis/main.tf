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
    projection_type = "ALL"
    read_capacity   = 5
    write_capacity  = 5

    key_schema {
      attribute_name = "sku"
      key_type       = "HASH"
    }
  }

  global_secondary_index {
    name               = "by-warehouse"
    projection_type    = "INCLUDE"
    non_key_attributes = ["quantity"]
    read_capacity      = 5
    write_capacity     = 5

    key_schema {
      attribute_name = "warehouseId"
      key_type       = "HASH"
    }
  }

  global_secondary_index {
    name            = "by-status"
    projection_type = "ALL"
    read_capacity   = 5
    write_capacity  = 5

    key_schema {
      attribute_name = "status"
      key_type       = "HASH"
    }
  }

  global_secondary_index {
    name            = "by-updated"
    projection_type = "ALL"
    read_capacity   = 5
    write_capacity  = 5

    key_schema {
      attribute_name = "updatedAt"
      key_type       = "HASH"
    }
  }

  global_secondary_index {
    name            = "by-supplier"
    projection_type = "ALL"
    read_capacity   = 5
    write_capacity  = 5

    key_schema {
      attribute_name = "supplierId"
      key_type       = "HASH"
    }
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
