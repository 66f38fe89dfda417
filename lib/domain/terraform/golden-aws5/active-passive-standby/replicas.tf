# One Region at a time: DynamoDB updates one replica of a table at once.
resource "aws_dynamodb_table_replica" "us_west_2" {
  provider                    = aws.us_west_2
  global_table_arn            = aws_dynamodb_table.this.arn
  point_in_time_recovery      = false
  deletion_protection_enabled = true

  tags = {
    CostCenter  = "CC-6100"
    Environment = "prod"
    Team        = "billing"
  }
}
