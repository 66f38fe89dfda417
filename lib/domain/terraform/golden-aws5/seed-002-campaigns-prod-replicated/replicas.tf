# One Region at a time: DynamoDB updates one replica of a table at once.
resource "aws_dynamodb_table_replica" "eu_west_1" {
  provider                    = aws.eu_west_1
  global_table_arn            = aws_dynamodb_table.this.arn
  point_in_time_recovery      = true
  deletion_protection_enabled = true

  tags = {
    BackupPolicy = "hourly"
    Component    = "dynamodb"
    CostCenter   = "AWS"
    DR           = "enabled"
    Environment  = "prod"
    ManagedBy    = "Terraform"
    Owner        = "Tebogo"
    Project      = "BBWS WP Containers"
    Team         = "bbws-wp-containers"
  }
}
