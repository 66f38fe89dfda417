# One Region at a time: DynamoDB updates one replica of a table at once.
resource "aws_dynamodb_table_replica" "eu_west_1" {
  provider                    = aws.eu_west_1
  global_table_arn            = aws_dynamodb_table.this.arn
  kms_key_arn                 = "arn:aws:kms:eu-west-1:123456789012:key/0000bbbb-1111-2222-3333-444455556666"
  point_in_time_recovery      = true
  deletion_protection_enabled = true

  tags = {
    CostCenter  = "CC-0000"
    Environment = "prod"
    Team        = "platform"
  }
}
