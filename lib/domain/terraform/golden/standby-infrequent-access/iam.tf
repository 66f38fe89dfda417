# Attach these to the roles of the services that use the table. Indexes are covered by
# `/index/*`, the stream by `/stream/*`, and every replica Region by its replica ARN.
locals {
  table_arns = [
    aws_dynamodb_table.this.arn,
    aws_dynamodb_table_replica.us_west_2.arn,
  ]
  table_and_index_arns = concat(local.table_arns, [for arn in local.table_arns : "${arn}/index/*"])
  stream_arns          = [for arn in local.table_arns : "${arn}/stream/*"]
}

resource "aws_iam_policy" "read_write" {
  name        = "invoices-us-east-1-read-write"
  description = "Read and write items in invoices and its indexes."
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
    ]
  })

  tags = {
    CostCenter  = "CC-6100"
    Environment = "prod"
    Team        = "billing"
  }
}

resource "aws_iam_policy" "read_only" {
  name        = "invoices-us-east-1-read-only"
  description = "Read items in invoices and its indexes."
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
    ]
  })

  tags = {
    CostCenter  = "CC-6100"
    Environment = "prod"
    Team        = "billing"
  }
}
