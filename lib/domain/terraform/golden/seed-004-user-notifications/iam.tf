# Attach these to the roles of the services that use the table. Indexes are covered by
# `/index/*`, the stream by `/stream/*`, and every replica Region by its replica ARN.
# Each Region's customer-managed key may be used through DynamoDB only (kms:ViaService).
locals {
  table_arns           = [aws_dynamodb_table.this.arn]
  table_and_index_arns = concat(local.table_arns, [for arn in local.table_arns : "${arn}/index/*"])
  stream_arns          = [for arn in local.table_arns : "${arn}/stream/*"]
}

resource "aws_iam_policy" "read_write" {
  name        = "prod-user-notifications-us-east-1-read-write"
  description = "Read and write items in prod-user-notifications and its indexes."
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid    = "ReadWriteItems"
        Effect = "Allow"
        Action = [
          "dynamodb:BatchGetItem",
          "dynamodb:ConditionCheckItem",
          "dynamodb:DescribeTable",
          "dynamodb:GetItem",
          "dynamodb:Query",
          "dynamodb:Scan",
          "dynamodb:BatchWriteItem",
          "dynamodb:DeleteItem",
          "dynamodb:PutItem",
          "dynamodb:UpdateItem",
        ]
        Resource = local.table_and_index_arns
      },
      {
        Sid    = "ReadStream"
        Effect = "Allow"
        Action = [
          "dynamodb:DescribeStream",
          "dynamodb:GetRecords",
          "dynamodb:GetShardIterator",
        ]
        Resource = local.stream_arns
      },
      {
        Sid    = "ListStreams"
        Effect = "Allow"
        Action = [
          "dynamodb:ListStreams",
        ]
        Resource = "*"
      },
      {
        Sid    = "UseTableKeysThroughDynamoDB"
        Effect = "Allow"
        Action = [
          "kms:Decrypt",
          "kms:DescribeKey",
          "kms:GenerateDataKey",
        ]
        Resource = [
          "arn:aws:kms:us-east-1:123456789012:key/0004aaaa-1111-2222-3333-444455556666",
        ]
        Condition = {
          StringEquals = {
            "kms:ViaService" = [
              "dynamodb.us-east-1.amazonaws.com",
            ]
          }
        }
      },
    ]
  })

  tags = {
    CostCenter  = "CC-0004"
    Environment = "prod"
    ManagedBy   = "Terraform"
    Project     = "Twitter Backend"
    Team        = "twitter-backend"
  }
}

resource "aws_iam_policy" "read_only" {
  name        = "prod-user-notifications-us-east-1-read-only"
  description = "Read items in prod-user-notifications and its indexes."
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid    = "ReadItems"
        Effect = "Allow"
        Action = [
          "dynamodb:BatchGetItem",
          "dynamodb:ConditionCheckItem",
          "dynamodb:DescribeTable",
          "dynamodb:GetItem",
          "dynamodb:Query",
          "dynamodb:Scan",
        ]
        Resource = local.table_and_index_arns
      },
      {
        Sid    = "ReadStream"
        Effect = "Allow"
        Action = [
          "dynamodb:DescribeStream",
          "dynamodb:GetRecords",
          "dynamodb:GetShardIterator",
        ]
        Resource = local.stream_arns
      },
      {
        Sid    = "ListStreams"
        Effect = "Allow"
        Action = [
          "dynamodb:ListStreams",
        ]
        Resource = "*"
      },
      {
        Sid    = "UseTableKeysThroughDynamoDB"
        Effect = "Allow"
        Action = [
          "kms:Decrypt",
          "kms:DescribeKey",
        ]
        Resource = [
          "arn:aws:kms:us-east-1:123456789012:key/0004aaaa-1111-2222-3333-444455556666",
        ]
        Condition = {
          StringEquals = {
            "kms:ViaService" = [
              "dynamodb.us-east-1.amazonaws.com",
            ]
          }
        }
      },
    ]
  })

  tags = {
    CostCenter  = "CC-0004"
    Environment = "prod"
    ManagedBy   = "Terraform"
    Project     = "Twitter Backend"
    Team        = "twitter-backend"
  }
}
