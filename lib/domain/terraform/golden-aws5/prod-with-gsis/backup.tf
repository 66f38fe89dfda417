resource "aws_backup_vault" "this" {
  name = "orders-prod-backup"

  tags = {
    CostCenter  = "CC-2001"
    Environment = "prod"
    Team        = "orders"
  }
}

# Copy target in us-west-2, through its aliased provider (providers.tf).
resource "aws_backup_vault" "copy" {
  provider = aws.us_west_2
  name     = "orders-prod-backup-copy"

  tags = {
    CostCenter  = "CC-2001"
    Environment = "prod"
    Team        = "orders"
  }
}

resource "aws_backup_plan" "this" {
  name = "orders-prod-backup"

  rule {
    rule_name         = "orders-prod-scheduled"
    target_vault_name = aws_backup_vault.this.name
    schedule          = "cron(0 3 * * ? *)"

    lifecycle {
      delete_after = 35
    }

    copy_action {
      destination_vault_arn = aws_backup_vault.copy.arn

      lifecycle {
        delete_after = 35
      }
    }
  }

  tags = {
    CostCenter  = "CC-2001"
    Environment = "prod"
    Team        = "orders"
  }
}

resource "aws_iam_role" "backup" {
  name = "orders-prod-us-east-1-backup"
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
    CostCenter  = "CC-2001"
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
  name         = "orders-prod-table"
  plan_id      = aws_backup_plan.this.id
  iam_role_arn = aws_iam_role.backup.arn
  resources    = [aws_dynamodb_table.this.arn]
}
