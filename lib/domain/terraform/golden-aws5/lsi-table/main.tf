resource "aws_dynamodb_table" "this" {
  name                        = "threads-staging"
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = "threadId"
  range_key                   = "messageId"
  table_class                 = "STANDARD"
  deletion_protection_enabled = false

  attribute {
    name = "threadId"
    type = "S"
  }

  attribute {
    name = "messageId"
    type = "S"
  }

  attribute {
    name = "sentAt"
    type = "N"
  }

  attribute {
    name = "senderId"
    type = "S"
  }

  local_secondary_index {
    name            = "by-sent-at"
    range_key       = "sentAt"
    projection_type = "ALL"
  }

  local_secondary_index {
    name               = "by-sender"
    range_key          = "senderId"
    projection_type    = "INCLUDE"
    non_key_attributes = ["preview", "sentAt"]
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
    CostCenter  = "CC-8000"
    Environment = "staging"
    Team        = "messaging"
  }
}
