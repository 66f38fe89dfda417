# Attach these to the roles of the services that use the table. Indexes are covered by
# `/index/*`, the stream by `/stream/*`, and every replica Region by its replica ARN.
locals {
  table_arns           = [aws_dynamodb_table.this.arn]
  table_and_index_arns = concat(local.table_arns, [for arn in local.table_arns : "${arn}/index/*"])
}

resource "aws_iam_policy" "read_write" {
  name        = "threads-staging-ap-southeast-2-read-write"
  description = "Read and write items in threads-staging and its indexes."
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
    ]
  })

  tags = {
    CostCenter  = "CC-8000"
    Environment = "staging"
    Team        = "messaging"
  }
}

resource "aws_iam_policy" "read_only" {
  name        = "threads-staging-ap-southeast-2-read-only"
  description = "Read items in threads-staging and its indexes."
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
    ]
  })

  tags = {
    CostCenter  = "CC-8000"
    Environment = "staging"
    Team        = "messaging"
  }
}
