# Created after the table's autoscaling (DynamoDB refuses replicas of a provisioned table
# without it), one Region at a time.
resource "aws_dynamodb_table_replica" "us_west_2" {
  region                      = "us-west-2"
  global_table_arn            = aws_dynamodb_table.this.arn
  point_in_time_recovery      = true
  deletion_protection_enabled = true

  tags = {
    CostCenter  = "CC-7100"
    Environment = "prod"
    Team        = "orders"
  }

  depends_on = [
    aws_appautoscaling_policy.table_read,
    aws_appautoscaling_policy.table_write,
    aws_appautoscaling_policy.index_by_customer_read,
    aws_appautoscaling_policy.index_by_customer_write,
  ]
}
