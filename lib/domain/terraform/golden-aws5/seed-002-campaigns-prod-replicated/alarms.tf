resource "aws_cloudwatch_metric_alarm" "read_throttle" {
  alarm_name          = "campaigns-read-throttle"
  alarm_description   = "Read requests to campaigns are being throttled in af-south-1."
  comparison_operator = "GreaterThanOrEqualToThreshold"
  threshold           = 5
  evaluation_periods  = 5
  datapoints_to_alarm = 3
  treat_missing_data  = "notBreaching"
  alarm_actions       = var.alarm_actions
  ok_actions          = var.alarm_actions
  namespace           = "AWS/DynamoDB"
  metric_name         = "ReadThrottleEvents"
  statistic           = "Sum"
  period              = 60

  dimensions = {
    TableName = aws_dynamodb_table.this.name
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

resource "aws_cloudwatch_metric_alarm" "read_throttle_CampaignActiveIndex" {
  alarm_name          = "campaigns-CampaignActiveIndex-read-throttle"
  alarm_description   = "Read requests to index CampaignActiveIndex of campaigns are being throttled in af-south-1."
  comparison_operator = "GreaterThanOrEqualToThreshold"
  threshold           = 5
  evaluation_periods  = 5
  datapoints_to_alarm = 3
  treat_missing_data  = "notBreaching"
  alarm_actions       = var.alarm_actions
  ok_actions          = var.alarm_actions
  namespace           = "AWS/DynamoDB"
  metric_name         = "ReadThrottleEvents"
  statistic           = "Sum"
  period              = 60

  dimensions = {
    TableName                = aws_dynamodb_table.this.name
    GlobalSecondaryIndexName = "CampaignActiveIndex"
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

resource "aws_cloudwatch_metric_alarm" "read_throttle_CampaignProductIndex" {
  alarm_name          = "campaigns-CampaignProductIndex-read-throttle"
  alarm_description   = "Read requests to index CampaignProductIndex of campaigns are being throttled in af-south-1."
  comparison_operator = "GreaterThanOrEqualToThreshold"
  threshold           = 5
  evaluation_periods  = 5
  datapoints_to_alarm = 3
  treat_missing_data  = "notBreaching"
  alarm_actions       = var.alarm_actions
  ok_actions          = var.alarm_actions
  namespace           = "AWS/DynamoDB"
  metric_name         = "ReadThrottleEvents"
  statistic           = "Sum"
  period              = 60

  dimensions = {
    TableName                = aws_dynamodb_table.this.name
    GlobalSecondaryIndexName = "CampaignProductIndex"
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

resource "aws_cloudwatch_metric_alarm" "write_throttle" {
  alarm_name          = "campaigns-write-throttle"
  alarm_description   = "Write requests to campaigns are being throttled in af-south-1."
  comparison_operator = "GreaterThanOrEqualToThreshold"
  threshold           = 5
  evaluation_periods  = 5
  datapoints_to_alarm = 3
  treat_missing_data  = "notBreaching"
  alarm_actions       = var.alarm_actions
  ok_actions          = var.alarm_actions
  namespace           = "AWS/DynamoDB"
  metric_name         = "WriteThrottleEvents"
  statistic           = "Sum"
  period              = 60

  dimensions = {
    TableName = aws_dynamodb_table.this.name
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

resource "aws_cloudwatch_metric_alarm" "write_throttle_CampaignActiveIndex" {
  alarm_name          = "campaigns-CampaignActiveIndex-write-throttle"
  alarm_description   = "Write requests to index CampaignActiveIndex of campaigns are being throttled in af-south-1."
  comparison_operator = "GreaterThanOrEqualToThreshold"
  threshold           = 5
  evaluation_periods  = 5
  datapoints_to_alarm = 3
  treat_missing_data  = "notBreaching"
  alarm_actions       = var.alarm_actions
  ok_actions          = var.alarm_actions
  namespace           = "AWS/DynamoDB"
  metric_name         = "WriteThrottleEvents"
  statistic           = "Sum"
  period              = 60

  dimensions = {
    TableName                = aws_dynamodb_table.this.name
    GlobalSecondaryIndexName = "CampaignActiveIndex"
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

resource "aws_cloudwatch_metric_alarm" "write_throttle_CampaignProductIndex" {
  alarm_name          = "campaigns-CampaignProductIndex-write-throttle"
  alarm_description   = "Write requests to index CampaignProductIndex of campaigns are being throttled in af-south-1."
  comparison_operator = "GreaterThanOrEqualToThreshold"
  threshold           = 5
  evaluation_periods  = 5
  datapoints_to_alarm = 3
  treat_missing_data  = "notBreaching"
  alarm_actions       = var.alarm_actions
  ok_actions          = var.alarm_actions
  namespace           = "AWS/DynamoDB"
  metric_name         = "WriteThrottleEvents"
  statistic           = "Sum"
  period              = 60

  dimensions = {
    TableName                = aws_dynamodb_table.this.name
    GlobalSecondaryIndexName = "CampaignProductIndex"
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

# SystemErrors is published per operation only, so each alarm sums one group:
# - read: GetItem, BatchGetItem, Query, Scan, TransactGetItems
# - write: PutItem, UpdateItem, DeleteItem, BatchWriteItem, TransactWriteItems
resource "aws_cloudwatch_metric_alarm" "read_system_errors" {
  alarm_name          = "campaigns-read-system-errors"
  alarm_description   = "DynamoDB returned server errors (HTTP 500) to read requests on campaigns in af-south-1."
  comparison_operator = "GreaterThanOrEqualToThreshold"
  threshold           = 1
  evaluation_periods  = 5
  datapoints_to_alarm = 3
  treat_missing_data  = "notBreaching"
  alarm_actions       = var.alarm_actions
  ok_actions          = var.alarm_actions

  metric_query {
    id          = "errors"
    expression  = "FILL(m0, 0) + FILL(m1, 0) + FILL(m2, 0) + FILL(m3, 0) + FILL(m4, 0)"
    label       = "SystemErrors (read)"
    return_data = true
  }

  metric_query {
    id = "m0"

    metric {
      namespace   = "AWS/DynamoDB"
      metric_name = "SystemErrors"
      stat        = "Sum"
      period      = 60

      dimensions = {
        TableName = aws_dynamodb_table.this.name
        Operation = "GetItem"
      }
    }
  }

  metric_query {
    id = "m1"

    metric {
      namespace   = "AWS/DynamoDB"
      metric_name = "SystemErrors"
      stat        = "Sum"
      period      = 60

      dimensions = {
        TableName = aws_dynamodb_table.this.name
        Operation = "BatchGetItem"
      }
    }
  }

  metric_query {
    id = "m2"

    metric {
      namespace   = "AWS/DynamoDB"
      metric_name = "SystemErrors"
      stat        = "Sum"
      period      = 60

      dimensions = {
        TableName = aws_dynamodb_table.this.name
        Operation = "Query"
      }
    }
  }

  metric_query {
    id = "m3"

    metric {
      namespace   = "AWS/DynamoDB"
      metric_name = "SystemErrors"
      stat        = "Sum"
      period      = 60

      dimensions = {
        TableName = aws_dynamodb_table.this.name
        Operation = "Scan"
      }
    }
  }

  metric_query {
    id = "m4"

    metric {
      namespace   = "AWS/DynamoDB"
      metric_name = "SystemErrors"
      stat        = "Sum"
      period      = 60

      dimensions = {
        TableName = aws_dynamodb_table.this.name
        Operation = "TransactGetItems"
      }
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

resource "aws_cloudwatch_metric_alarm" "write_system_errors" {
  alarm_name          = "campaigns-write-system-errors"
  alarm_description   = "DynamoDB returned server errors (HTTP 500) to write requests on campaigns in af-south-1."
  comparison_operator = "GreaterThanOrEqualToThreshold"
  threshold           = 1
  evaluation_periods  = 5
  datapoints_to_alarm = 3
  treat_missing_data  = "notBreaching"
  alarm_actions       = var.alarm_actions
  ok_actions          = var.alarm_actions

  metric_query {
    id          = "errors"
    expression  = "FILL(m0, 0) + FILL(m1, 0) + FILL(m2, 0) + FILL(m3, 0) + FILL(m4, 0)"
    label       = "SystemErrors (write)"
    return_data = true
  }

  metric_query {
    id = "m0"

    metric {
      namespace   = "AWS/DynamoDB"
      metric_name = "SystemErrors"
      stat        = "Sum"
      period      = 60

      dimensions = {
        TableName = aws_dynamodb_table.this.name
        Operation = "PutItem"
      }
    }
  }

  metric_query {
    id = "m1"

    metric {
      namespace   = "AWS/DynamoDB"
      metric_name = "SystemErrors"
      stat        = "Sum"
      period      = 60

      dimensions = {
        TableName = aws_dynamodb_table.this.name
        Operation = "UpdateItem"
      }
    }
  }

  metric_query {
    id = "m2"

    metric {
      namespace   = "AWS/DynamoDB"
      metric_name = "SystemErrors"
      stat        = "Sum"
      period      = 60

      dimensions = {
        TableName = aws_dynamodb_table.this.name
        Operation = "DeleteItem"
      }
    }
  }

  metric_query {
    id = "m3"

    metric {
      namespace   = "AWS/DynamoDB"
      metric_name = "SystemErrors"
      stat        = "Sum"
      period      = 60

      dimensions = {
        TableName = aws_dynamodb_table.this.name
        Operation = "BatchWriteItem"
      }
    }
  }

  metric_query {
    id = "m4"

    metric {
      namespace   = "AWS/DynamoDB"
      metric_name = "SystemErrors"
      stat        = "Sum"
      period      = 60

      dimensions = {
        TableName = aws_dynamodb_table.this.name
        Operation = "TransactWriteItems"
      }
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

resource "aws_cloudwatch_metric_alarm" "replication_latency_eu_west_1" {
  alarm_name          = "campaigns-replication-latency-eu-west-1"
  alarm_description   = "Replication from af-south-1 to eu-west-1 lags for campaigns."
  comparison_operator = "GreaterThanOrEqualToThreshold"
  threshold           = 60000
  evaluation_periods  = 5
  datapoints_to_alarm = 3
  treat_missing_data  = "notBreaching"
  alarm_actions       = var.alarm_actions
  ok_actions          = var.alarm_actions
  namespace           = "AWS/DynamoDB"
  metric_name         = "ReplicationLatency"
  statistic           = "Average"
  period              = 60
  unit                = "Milliseconds"

  dimensions = {
    TableName       = aws_dynamodb_table.this.name
    ReceivingRegion = "eu-west-1"
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
