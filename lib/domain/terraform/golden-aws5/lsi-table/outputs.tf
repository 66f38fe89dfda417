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

output "index_arns" {
  description = "ARN of each secondary index, by name."
  value = {
    by-sent-at = "${aws_dynamodb_table.this.arn}/index/by-sent-at"
    by-sender  = "${aws_dynamodb_table.this.arn}/index/by-sender"
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
