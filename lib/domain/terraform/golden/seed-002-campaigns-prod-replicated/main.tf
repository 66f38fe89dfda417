resource "aws_dynamodb_table" "this" {
  name                        = "campaigns"
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = "PK"
  range_key                   = "SK"
  table_class                 = "STANDARD"
  deletion_protection_enabled = true
  stream_enabled              = true
  stream_view_type            = "NEW_AND_OLD_IMAGES"

  attribute {
    name = "PK"
    type = "S"
  }

  attribute {
    name = "SK"
    type = "S"
  }

  attribute {
    name = "active"
    type = "S"
  }

  attribute {
    name = "fromDate"
    type = "S"
  }

  attribute {
    name = "productId"
    type = "S"
  }

  global_secondary_index {
    name            = "CampaignActiveIndex"
    projection_type = "ALL"

    key_schema {
      attribute_name = "active"
      key_type       = "HASH"
    }

    key_schema {
      attribute_name = "fromDate"
      key_type       = "RANGE"
    }
  }

  global_secondary_index {
    name            = "CampaignProductIndex"
    projection_type = "ALL"

    key_schema {
      attribute_name = "productId"
      key_type       = "HASH"
    }

    key_schema {
      attribute_name = "fromDate"
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

  replica {
    region_name                 = "eu-west-1"
    point_in_time_recovery      = true
    deletion_protection_enabled = true
    propagate_tags              = true
  }

  tags = {
    BackupPolicy = "hourly"
    Component    = "dynamodb"
    CostCenter   = "AWS"
    DR           = "enabled"
    Environment  = "prod"
    ManagedBy    = "Terraform"
    Owner        = "Tebogo"
    Project      = "BBWS WP Containers"
    Team         = "bbws-wp-containers"
  }

  # The tier policy protects this table from terraform destroy and from replacement (prevent_destroy).
  # An acknowledged destructive change renders its one revision without it (the module README says so).
  lifecycle {
    prevent_destroy = true
  }
}
