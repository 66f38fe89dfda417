resource "aws_dynamodb_table" "this" {
  name                        = "carts-dev"
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = "cartId"
  table_class                 = "STANDARD"
  deletion_protection_enabled = false

  attribute {
    name = "cartId"
    type = "S"
  }

  ttl {
    attribute_name = "expiresAt"
    enabled        = true
  }

  point_in_time_recovery {
    enabled = false
  }

  server_side_encryption {
    enabled = false
  }

  tags = {
    CostCenter  = "CC-1042"
    Environment = "dev"
    Team        = "checkout"
  }
}
