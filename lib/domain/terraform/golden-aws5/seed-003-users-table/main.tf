resource "aws_dynamodb_table" "this" {
  name                        = "users-table"
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = "user_id"
  table_class                 = "STANDARD"
  deletion_protection_enabled = false

  attribute {
    name = "user_id"
    type = "S"
  }

  attribute {
    name = "customer_id"
    type = "S"
  }

  global_secondary_index {
    name            = "customer-index"
    hash_key        = "customer_id"
    projection_type = "ALL"
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
    CostCenter  = "CC-0003"
    Environment = "dev"
    Team        = "devops"
  }
}
