resource "aws_dynamodb_table" "this" {
  name                        = "orders-prod"
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = "PK"
  range_key                   = "SK"
  table_class                 = "STANDARD"
  deletion_protection_enabled = true

  attribute {
    name = "PK"
    type = "S"
  }

  attribute {
    name = "SK"
    type = "S"
  }

  attribute {
    name = "customerId"
    type = "S"
  }

  attribute {
    name = "createdAt"
    type = "N"
  }

  attribute {
    name = "status"
    type = "S"
  }

  global_secondary_index {
    name               = "by-customer"
    projection_type    = "INCLUDE"
    non_key_attributes = ["status", "total", "currency"]

    key_schema {
      attribute_name = "customerId"
      key_type       = "HASH"
    }

    key_schema {
      attribute_name = "createdAt"
      key_type       = "RANGE"
    }
  }

  global_secondary_index {
    name            = "by-status"
    projection_type = "KEYS_ONLY"

    key_schema {
      attribute_name = "status"
      key_type       = "HASH"
    }

    key_schema {
      attribute_name = "createdAt"
      key_type       = "RANGE"
    }
  }

  on_demand_throughput {
    max_read_request_units  = 20000
    max_write_request_units = 5000
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
    CostCenter  = "CC-2001"
    Environment = "prod"
    Team        = "orders"
  }

  # The tier policy protects this table from terraform destroy and from replacement (prevent_destroy).
  # An acknowledged destructive change renders its one revision without it (the module README says so).
  lifecycle {
    prevent_destroy = true
  }
}

resource "aws_dynamodb_contributor_insights" "table" {
  table_name = aws_dynamodb_table.this.name
}
