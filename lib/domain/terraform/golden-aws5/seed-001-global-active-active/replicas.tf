# One Region at a time: DynamoDB updates one replica of a table at once.
resource "aws_dynamodb_table_replica" "us_west_2" {
  provider                    = aws.us_west_2
  global_table_arn            = aws_dynamodb_table.this.arn
  kms_key_arn                 = "arn:aws:kms:us-west-2:123456789012:key/0001bbbb-1111-2222-3333-444455556666"
  point_in_time_recovery      = true
  deletion_protection_enabled = true

  tags = {
    CostCenter  = "CC-0001"
    Environment = "prod"
    Team        = "platform"
  }
}

resource "aws_dynamodb_table_replica" "eu_west_1" {
  provider                    = aws.eu_west_1
  global_table_arn            = aws_dynamodb_table.this.arn
  kms_key_arn                 = "arn:aws:kms:eu-west-1:123456789012:key/0001cccc-1111-2222-3333-444455556666"
  point_in_time_recovery      = true
  deletion_protection_enabled = true

  tags = {
    CostCenter  = "CC-0001"
    Environment = "prod"
    Team        = "platform"
  }

  depends_on = [
    aws_dynamodb_table_replica.us_west_2,
  ]
}
