resource "aws_backup_vault" "this" {
  name = "contracts-backup"

  tags = {
    CostCenter  = "CC-7000"
    Environment = "prod"
    Team        = "documents"
  }
}

# Copy target in eu-west-1, through its aliased provider (providers.tf).
resource "aws_backup_vault" "copy" {
  provider = aws.eu_west_1
  name     = "contracts-backup-copy"

  tags = {
    CostCenter  = "CC-7000"
    Environment = "prod"
    Team        = "documents"
  }
}

resource "aws_backup_plan" "this" {
  name = "contracts-backup"

  rule {
    rule_name         = "contracts-scheduled"
    target_vault_name = aws_backup_vault.this.name
    schedule          = "cron(0 2 * * ? *)"

    lifecycle {
      delete_after = 90
    }

    copy_action {
      destination_vault_arn = aws_backup_vault.copy.arn

      lifecycle {
        delete_after = 90
      }
    }
  }

  tags = {
    CostCenter  = "CC-7000"
    Environment = "prod"
    Team        = "documents"
  }
}

resource "aws_iam_role" "backup" {
  name = "contracts-eu-central-1-backup"
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
    CostCenter  = "CC-7000"
    Environment = "prod"
    Team        = "documents"
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
  name         = "contracts-table"
  plan_id      = aws_backup_plan.this.id
  iam_role_arn = aws_iam_role.backup.arn
  resources    = [aws_dynamodb_table.this.arn]
}
