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

output "read_write_policy_arn" {
  description = "IAM policy for reading and writing items."
  value       = aws_iam_policy.read_write.arn
}

output "read_only_policy_arn" {
  description = "IAM policy for reading items."
  value       = aws_iam_policy.read_only.arn
}

output "backup_vault_arn" {
  description = "ARN of the AWS Backup vault."
  value       = aws_backup_vault.this.arn
}

output "backup_copy_vault_arn" {
  description = "ARN of the backup copy vault in eu-west-1."
  value       = aws_backup_vault.copy.arn
}
