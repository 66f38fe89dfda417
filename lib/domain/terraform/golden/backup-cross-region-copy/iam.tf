# Attach these to the roles of the services that use the table. Indexes are covered by
# `/index/*`, the stream by `/stream/*`, and every replica Region by its replica ARN.
# Each Region's customer-managed key may be used through DynamoDB only (kms:ViaService).
locals {
  table_arns           = [aws_dynamodb_table.this.arn]
  table_and_index_arns = concat(local.table_arns, [for arn in local.table_arns : "${arn}/index/*"])
}

resource "aws_iam_policy" "read_write" {
  name        = "contracts-eu-central-1-read-write"
  description = "Read and write items in contracts and its indexes."
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
        Sid    = "UseTableKeysThroughDynamoDB"
        Effect = "Allow"
        Action = [
          "kms:Decrypt",
          "kms:DescribeKey",
          "kms:GenerateDataKey",
        ]
        Resource = [
          "arn:aws:kms:eu-central-1:123456789012:key/4444dddd-5555-6666-7777-88889999aaaa",
        ]
        Condition = {
          StringEquals = {
            "kms:ViaService" = [
              "dynamodb.eu-central-1.amazonaws.com",
            ]
          }
        }
      },
    ]
  })

  tags = {
    CostCenter  = "CC-7000"
    Environment = "prod"
    Team        = "documents"
  }
}

resource "aws_iam_policy" "read_only" {
  name        = "contracts-eu-central-1-read-only"
  description = "Read items in contracts and its indexes."
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
        Sid    = "UseTableKeysThroughDynamoDB"
        Effect = "Allow"
        Action = [
          "kms:Decrypt",
          "kms:DescribeKey",
        ]
        Resource = [
          "arn:aws:kms:eu-central-1:123456789012:key/4444dddd-5555-6666-7777-88889999aaaa",
        ]
        Condition = {
          StringEquals = {
            "kms:ViaService" = [
              "dynamodb.eu-central-1.amazonaws.com",
            ]
          }
        }
      },
    ]
  })

  tags = {
    CostCenter  = "CC-7000"
    Environment = "prod"
    Team        = "documents"
  }
}
