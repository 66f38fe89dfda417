# One Region at a time: DynamoDB updates one replica of a table at once.
resource "aws_dynamodb_table_replica" "eu_west_1" {
  provider                    = aws.eu_west_1
  global_table_arn            = aws_dynamodb_table.this.arn
  kms_key_arn                 = "arn:aws:kms:eu-west-1:123456789012:key/2222bbbb-3333-4444-5555-666677778888"
  point_in_time_recovery      = true
  deletion_protection_enabled = true

  tags = {
    CostCenter  = "CC-4100"
    DataClass   = "confidential"
    Environment = "prod"
    Team        = "identity"
  }
}

resource "aws_dynamodb_table_replica" "ap_southeast_2" {
  provider                    = aws.ap_southeast_2
  global_table_arn            = aws_dynamodb_table.this.arn
  kms_key_arn                 = "arn:aws:kms:ap-southeast-2:123456789012:key/3333cccc-4444-5555-6666-777788889999"
  point_in_time_recovery      = true
  deletion_protection_enabled = true

  tags = {
    CostCenter  = "CC-4100"
    DataClass   = "confidential"
    Environment = "prod"
    Team        = "identity"
  }

  depends_on = [
    aws_dynamodb_table_replica.eu_west_1,
  ]
}
