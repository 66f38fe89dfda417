resource "aws_backup_vault" "this" {
  name = "orders-provisioned-backup"

  tags = {
    CostCenter  = "CC-7100"
    Environment = "prod"
    Team        = "orders"
  }
}

resource "aws_backup_plan" "this" {
  name = "orders-provisioned-backup"

  rule {
    rule_name         = "orders-provisioned-scheduled"
    target_vault_name = aws_backup_vault.this.name
    schedule          = "cron(0 4 * * ? *)"

    lifecycle {
      delete_after = 35
    }
  }

  tags = {
    CostCenter  = "CC-7100"
    Environment = "prod"
    Team        = "orders"
  }
}

resource "aws_iam_role" "backup" {
  name = "orders-provisioned-us-east-2-backup"
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
    CostCenter  = "CC-7100"
    Environment = "prod"
    Team        = "orders"
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
  name         = "orders-provisioned-table"
  plan_id      = aws_backup_plan.this.id
  iam_role_arn = aws_iam_role.backup.arn
  resources    = [aws_dynamodb_table.this.arn]
}
