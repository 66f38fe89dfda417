output "table_name" {
  description = "Name of the table."
  value       = aws_dynamodb_table.this.name
}

output "table_id" {
  description = "ID of the table (its name)."
  value       = aws_dynamodb_table.this.id
}

output "table_arn" {
  description = "ARN of the table in the primary Region."
  value       = aws_dynamodb_table.this.arn
}

output "stream_arn" {
  description = "ARN of the table's stream."
  value       = aws_dynamodb_table.this.stream_arn
}

output "replica_arns" {
  description = "ARN of each replica, by Region."
  value = {
    us-west-2 = aws_dynamodb_table_replica.us_west_2.arn
  }
}

output "index_arns" {
  description = "ARN of each secondary index, by name."
  value = {
    by-customer = "${aws_dynamodb_table.this.arn}/index/by-customer"
  }
}

output "read_write_policy_arn" {
  description = "IAM policy for reading and writing items."
  value       = aws_iam_policy.read_write.arn
}

output "read_only_policy_arn" {
  description = "IAM policy for reading items."
  value       = aws_iam_policy.read_only.arn
}
