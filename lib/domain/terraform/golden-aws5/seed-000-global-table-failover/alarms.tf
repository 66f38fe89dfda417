resource "aws_cloudwatch_metric_alarm" "read_throttle" {
  alarm_name          = "my-global-table-read-throttle"
  alarm_description   = "Read requests to my-global-table are being throttled in us-east-1."
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
    CostCenter  = "CC-0000"
    Environment = "prod"
    Team        = "platform"
  }
}

resource "aws_cloudwatch_metric_alarm" "write_throttle" {
  alarm_name          = "my-global-table-write-throttle"
  alarm_description   = "Write requests to my-global-table are being throttled in us-east-1."
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
    CostCenter  = "CC-0000"
    Environment = "prod"
    Team        = "platform"
  }
}

resource "aws_cloudwatch_metric_alarm" "read_throttle_eu_west_1" {
  provider            = aws.eu_west_1
  alarm_name          = "my-global-table-read-throttle"
  alarm_description   = "Read requests to my-global-table are being throttled in eu-west-1."
  comparison_operator = "GreaterThanOrEqualToThreshold"
  threshold           = 1
  evaluation_periods  = 5
  datapoints_to_alarm = 3
  treat_missing_data  = "notBreaching"
  alarm_actions       = var.replica_alarm_actions["eu-west-1"]
  ok_actions          = var.replica_alarm_actions["eu-west-1"]
  namespace           = "AWS/DynamoDB"
  metric_name         = "ReadThrottleEvents"
  statistic           = "Sum"
  period              = 60

  dimensions = {
    TableName = aws_dynamodb_table.this.name
  }

  tags = {
    CostCenter  = "CC-0000"
    Environment = "prod"
    Team        = "platform"
  }
}

resource "aws_cloudwatch_metric_alarm" "write_throttle_eu_west_1" {
  provider            = aws.eu_west_1
  alarm_name          = "my-global-table-write-throttle"
  alarm_description   = "Write requests to my-global-table are being throttled in eu-west-1."
  comparison_operator = "GreaterThanOrEqualToThreshold"
  threshold           = 1
  evaluation_periods  = 5
  datapoints_to_alarm = 3
  treat_missing_data  = "notBreaching"
  alarm_actions       = var.replica_alarm_actions["eu-west-1"]
  ok_actions          = var.replica_alarm_actions["eu-west-1"]
  namespace           = "AWS/DynamoDB"
  metric_name         = "WriteThrottleEvents"
  statistic           = "Sum"
  period              = 60

  dimensions = {
    TableName = aws_dynamodb_table.this.name
  }

  tags = {
    CostCenter  = "CC-0000"
    Environment = "prod"
    Team        = "platform"
  }
}

# SystemErrors is published per operation only, so each alarm sums one group:
# - read: GetItem, BatchGetItem, Query, Scan, TransactGetItems
# - write: PutItem, UpdateItem, DeleteItem, BatchWriteItem, TransactWriteItems
# - read: GetItem, BatchGetItem, Query, Scan, TransactGetItems
# - write: PutItem, UpdateItem, DeleteItem, BatchWriteItem, TransactWriteItems
resource "aws_cloudwatch_metric_alarm" "read_system_errors" {
  alarm_name          = "my-global-table-read-system-errors"
  alarm_description   = "DynamoDB returned server errors (HTTP 500) to read requests on my-global-table in us-east-1."
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
    CostCenter  = "CC-0000"
    Environment = "prod"
    Team        = "platform"
  }
}

resource "aws_cloudwatch_metric_alarm" "write_system_errors" {
  alarm_name          = "my-global-table-write-system-errors"
  alarm_description   = "DynamoDB returned server errors (HTTP 500) to write requests on my-global-table in us-east-1."
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
    CostCenter  = "CC-0000"
    Environment = "prod"
    Team        = "platform"
  }
}

resource "aws_cloudwatch_metric_alarm" "read_system_errors_eu_west_1" {
  provider            = aws.eu_west_1
  alarm_name          = "my-global-table-read-system-errors"
  alarm_description   = "DynamoDB returned server errors (HTTP 500) to read requests on my-global-table in eu-west-1."
  comparison_operator = "GreaterThanOrEqualToThreshold"
  threshold           = 1
  evaluation_periods  = 5
  datapoints_to_alarm = 3
  treat_missing_data  = "notBreaching"
  alarm_actions       = var.replica_alarm_actions["eu-west-1"]
  ok_actions          = var.replica_alarm_actions["eu-west-1"]

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
    CostCenter  = "CC-0000"
    Environment = "prod"
    Team        = "platform"
  }
}

resource "aws_cloudwatch_metric_alarm" "write_system_errors_eu_west_1" {
  provider            = aws.eu_west_1
  alarm_name          = "my-global-table-write-system-errors"
  alarm_description   = "DynamoDB returned server errors (HTTP 500) to write requests on my-global-table in eu-west-1."
  comparison_operator = "GreaterThanOrEqualToThreshold"
  threshold           = 1
  evaluation_periods  = 5
  datapoints_to_alarm = 3
  treat_missing_data  = "notBreaching"
  alarm_actions       = var.replica_alarm_actions["eu-west-1"]
  ok_actions          = var.replica_alarm_actions["eu-west-1"]

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
    CostCenter  = "CC-0000"
    Environment = "prod"
    Team        = "platform"
  }
}

resource "aws_cloudwatch_metric_alarm" "replication_latency_eu_west_1" {
  alarm_name          = "my-global-table-replication-latency-eu-west-1"
  alarm_description   = "Replication from us-east-1 to eu-west-1 lags for my-global-table."
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
    CostCenter  = "CC-0000"
    Environment = "prod"
    Team        = "platform"
  }
}

resource "aws_cloudwatch_metric_alarm" "replication_latency_eu_west_1_to_us_east_1" {
  provider            = aws.eu_west_1
  alarm_name          = "my-global-table-replication-latency-eu-west-1-to-us-east-1"
  alarm_description   = "Replication from eu-west-1 to us-east-1 lags for my-global-table."
  comparison_operator = "GreaterThanOrEqualToThreshold"
  threshold           = 60000
  evaluation_periods  = 5
  datapoints_to_alarm = 3
  treat_missing_data  = "notBreaching"
  alarm_actions       = var.replica_alarm_actions["eu-west-1"]
  ok_actions          = var.replica_alarm_actions["eu-west-1"]
  namespace           = "AWS/DynamoDB"
  metric_name         = "ReplicationLatency"
  statistic           = "Average"
  period              = 60
  unit                = "Milliseconds"

  dimensions = {
    TableName       = aws_dynamodb_table.this.name
    ReceivingRegion = "us-east-1"
  }

  tags = {
    CostCenter  = "CC-0000"
    Environment = "prod"
    Team        = "platform"
  }
}
