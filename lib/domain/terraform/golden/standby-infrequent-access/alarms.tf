resource "aws_cloudwatch_metric_alarm" "read_throttle" {
  alarm_name          = "invoices-read-throttle"
  alarm_description   = "Read requests to invoices are being throttled in us-east-1."
  comparison_operator = "GreaterThanOrEqualToThreshold"
  threshold           = 1
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
    CostCenter  = "CC-6100"
    Environment = "prod"
    Team        = "billing"
  }
}

resource "aws_cloudwatch_metric_alarm" "read_throttle_by_customer" {
  alarm_name          = "invoices-by-customer-read-throttle"
  alarm_description   = "Read requests to index by-customer of invoices are being throttled in us-east-1."
  comparison_operator = "GreaterThanOrEqualToThreshold"
  threshold           = 1
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
    GlobalSecondaryIndexName = "by-customer"
  }

  tags = {
    CostCenter  = "CC-6100"
    Environment = "prod"
    Team        = "billing"
  }
}

resource "aws_cloudwatch_metric_alarm" "write_throttle" {
  alarm_name          = "invoices-write-throttle"
  alarm_description   = "Write requests to invoices are being throttled in us-east-1."
  comparison_operator = "GreaterThanOrEqualToThreshold"
  threshold           = 1
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
    CostCenter  = "CC-6100"
    Environment = "prod"
    Team        = "billing"
  }
}

resource "aws_cloudwatch_metric_alarm" "write_throttle_by_customer" {
  alarm_name          = "invoices-by-customer-write-throttle"
  alarm_description   = "Write requests to index by-customer of invoices are being throttled in us-east-1."
  comparison_operator = "GreaterThanOrEqualToThreshold"
  threshold           = 1
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
    GlobalSecondaryIndexName = "by-customer"
  }

  tags = {
    CostCenter  = "CC-6100"
    Environment = "prod"
    Team        = "billing"
  }
}

# SystemErrors is published per operation only, so each alarm sums one group:
# - read: GetItem, BatchGetItem, Query, Scan, TransactGetItems
# - write: PutItem, UpdateItem, DeleteItem, BatchWriteItem, TransactWriteItems
resource "aws_cloudwatch_metric_alarm" "read_system_errors" {
  alarm_name          = "invoices-read-system-errors"
  alarm_description   = "DynamoDB returned server errors (HTTP 500) to read requests on invoices in us-east-1."
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
    CostCenter  = "CC-6100"
    Environment = "prod"
    Team        = "billing"
  }
}

resource "aws_cloudwatch_metric_alarm" "write_system_errors" {
  alarm_name          = "invoices-write-system-errors"
  alarm_description   = "DynamoDB returned server errors (HTTP 500) to write requests on invoices in us-east-1."
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
    CostCenter  = "CC-6100"
    Environment = "prod"
    Team        = "billing"
  }
}

resource "aws_cloudwatch_metric_alarm" "replication_latency_us_west_2" {
  alarm_name          = "invoices-replication-latency-us-west-2"
  alarm_description   = "Replication from us-east-1 to us-west-2 lags for invoices."
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
    ReceivingRegion = "us-west-2"
  }

  tags = {
    CostCenter  = "CC-6100"
    Environment = "prod"
    Team        = "billing"
  }
}
