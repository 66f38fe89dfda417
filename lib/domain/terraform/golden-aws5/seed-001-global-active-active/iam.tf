# Attach these to the roles of the services that use the table. Indexes are covered by
# `/index/*`, the stream by `/stream/*`, and every replica Region by its replica ARN.
# Each Region's customer-managed key may be used through DynamoDB only (kms:ViaService).
locals {
  table_arns = [
    aws_dynamodb_table.this.arn,
    aws_dynamodb_table_replica.us_west_2.arn,
    aws_dynamodb_table_replica.eu_west_1.arn,
  ]
  table_and_index_arns = concat(local.table_arns, [for arn in local.table_arns : "${arn}/index/*"])
  stream_arns          = [for arn in local.table_arns : "${arn}/stream/*"]
}

resource "aws_iam_policy" "read_write" {
  name        = "global-profiles-us-east-1-read-write"
  description = "Read and write items in global-profiles and its indexes."
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
          "arn:aws:kms:us-east-1:123456789012:key/0001aaaa-1111-2222-3333-444455556666",
          "arn:aws:kms:us-west-2:123456789012:key/0001bbbb-1111-2222-3333-444455556666",
          "arn:aws:kms:eu-west-1:123456789012:key/0001cccc-1111-2222-3333-444455556666",
        ]
        Condition = {
          StringEquals = {
            "kms:ViaService" = [
              "dynamodb.us-east-1.amazonaws.com",
              "dynamodb.us-west-2.amazonaws.com",
              "dynamodb.eu-west-1.amazonaws.com",
            ]
          }
        }
      },
    ]
  })

  tags = {
    CostCenter  = "CC-0001"
    Environment = "prod"
    Team        = "platform"
  }
}

resource "aws_iam_policy" "read_only" {
  name        = "global-profiles-us-east-1-read-only"
  description = "Read items in global-profiles and its indexes."
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
          "arn:aws:kms:us-east-1:123456789012:key/0001aaaa-1111-2222-3333-444455556666",
          "arn:aws:kms:us-west-2:123456789012:key/0001bbbb-1111-2222-3333-444455556666",
          "arn:aws:kms:eu-west-1:123456789012:key/0001cccc-1111-2222-3333-444455556666",
        ]
        Condition = {
          StringEquals = {
            "kms:ViaService" = [
              "dynamodb.us-east-1.amazonaws.com",
              "dynamodb.us-west-2.amazonaws.com",
              "dynamodb.eu-west-1.amazonaws.com",
            ]
          }
        }
      },
    ]
  })

  tags = {
    CostCenter  = "CC-0001"
    Environment = "prod"
    Team        = "platform"
  }
}
