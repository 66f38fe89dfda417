resource "aws_dynamodb_table" "this" {
  name                        = "stock-reservations"
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = "sku"
  range_key                   = "warehouseId"
  table_class                 = "STANDARD"
  deletion_protection_enabled = true

  attribute {
    name = "sku"
    type = "S"
  }

  attribute {
    name = "warehouseId"
    type = "S"
  }

  global_secondary_index {
    name               = "by-warehouse"
    projection_type    = "INCLUDE"
    non_key_attributes = ["quantity", "reservedUntil"]

    key_schema {
      attribute_name = "warehouseId"
      key_type       = "HASH"
    }

    key_schema {
      attribute_name = "sku"
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

  replica {
    region_name                 = "eu-west-2"
    point_in_time_recovery      = true
    deletion_protection_enabled = true
    propagate_tags              = true
    consistency_mode            = "STRONG"
  }

  replica {
    region_name                 = "eu-central-1"
    point_in_time_recovery      = true
    deletion_protection_enabled = true
    propagate_tags              = true
    consistency_mode            = "STRONG"
  }

  tags = {
    CostCenter  = "CC-5200"
    Environment = "prod"
    Team        = "inventory"
  }

  # The tier policy protects this table from terraform destroy and from replacement (prevent_destroy).
  # An acknowledged destructive change renders its one revision without it (the module README says so).
  lifecycle {
    prevent_destroy = true
  }
}
