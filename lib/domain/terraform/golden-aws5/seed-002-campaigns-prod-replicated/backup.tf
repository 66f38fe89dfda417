resource "aws_backup_vault" "this" {
  name = "campaigns-backup"

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

resource "aws_backup_plan" "this" {
  name = "campaigns-backup"

  rule {
    rule_name         = "campaigns-scheduled"
    target_vault_name = aws_backup_vault.this.name
    schedule          = "cron(0 */1 * * ? *)"

    lifecycle {
      delete_after = 90
    }
  }

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

resource "aws_iam_role" "backup" {
  name = "campaigns-af-south-1-backup"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect = "Allow"
        Principal = {
          Service = "backup.amazonaws.com"
        }
        Action = "sts:AssumeRole"
      },
    ]
  })

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

resource "aws_iam_role_policy_attachment" "backup" {
  role       = aws_iam_role.backup.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup"
}

resource "aws_iam_role_policy_attachment" "restore" {
  role       = aws_iam_role.backup.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForRestores"
}

resource "aws_backup_selection" "this" {
  name         = "campaigns-table"
  plan_id      = aws_backup_plan.this.id
  iam_role_arn = aws_iam_role.backup.arn
  resources    = [aws_dynamodb_table.this.arn]
}
