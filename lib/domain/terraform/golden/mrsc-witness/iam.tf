# Attach these to the roles of the services that use the table. Indexes are covered by
# `/index/*`, the stream by `/stream/*`, and every replica Region by its replica ARN.
locals {
  table_arns           = concat([aws_dynamodb_table.this.arn], [for r in aws_dynamodb_table.this.replica : r.arn])
  table_and_index_arns = concat(local.table_arns, [for arn in local.table_arns : "${arn}/index/*"])
}

resource "aws_iam_policy" "read_write" {
  name        = "ledger-entries-us-east-1-read-write"
  description = "Read and write items in ledger-entries and its indexes."
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
    CostCenter  = "CC-5000"
    Environment = "prod"
    Team        = "payments"
  }
}

resource "aws_iam_policy" "read_only" {
  name        = "ledger-entries-us-east-1-read-only"
  description = "Read items in ledger-entries and its indexes."
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
    CostCenter  = "CC-5000"
    Environment = "prod"
    Team        = "payments"
  }
}
