resource "aws_cloudwatch_metric_alarm" "read_throttle" {
  alarm_name          = "stock-reservations-read-throttle"
  alarm_description   = "Read requests to stock-reservations are being throttled in eu-west-1."
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
    CostCenter  = "CC-5200"
    Environment = "prod"
    Team        = "inventory"
  }
}

resource "aws_cloudwatch_metric_alarm" "read_throttle_by_warehouse" {
  alarm_name          = "stock-reservations-by-warehouse-read-throttle"
  alarm_description   = "Read requests to index by-warehouse of stock-reservations are being throttled in eu-west-1."
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
    GlobalSecondaryIndexName = "by-warehouse"
  }

  tags = {
    CostCenter  = "CC-5200"
    Environment = "prod"
    Team        = "inventory"
  }
}

resource "aws_cloudwatch_metric_alarm" "write_throttle" {
  alarm_name          = "stock-reservations-write-throttle"
  alarm_description   = "Write requests to stock-reservations are being throttled in eu-west-1."
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
    CostCenter  = "CC-5200"
    Environment = "prod"
    Team        = "inventory"
  }
}

resource "aws_cloudwatch_metric_alarm" "write_throttle_by_warehouse" {
  alarm_name          = "stock-reservations-by-warehouse-write-throttle"
  alarm_description   = "Write requests to index by-warehouse of stock-reservations are being throttled in eu-west-1."
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
    GlobalSecondaryIndexName = "by-warehouse"
  }

  tags = {
    CostCenter  = "CC-5200"
    Environment = "prod"
    Team        = "inventory"
  }
}

resource "aws_cloudwatch_metric_alarm" "read_throttle_eu_west_2" {
  region              = "eu-west-2"
  alarm_name          = "stock-reservations-read-throttle"
  alarm_description   = "Read requests to stock-reservations are being throttled in eu-west-2."
  comparison_operator = "GreaterThanOrEqualToThreshold"
  threshold           = 1
  evaluation_periods  = 5
  datapoints_to_alarm = 3
  treat_missing_data  = "notBreaching"
  alarm_actions       = var.replica_alarm_actions["eu-west-2"]
  ok_actions          = var.replica_alarm_actions["eu-west-2"]
  namespace           = "AWS/DynamoDB"
  metric_name         = "ReadThrottleEvents"
  statistic           = "Sum"
  period              = 60

  dimensions = {
    TableName = aws_dynamodb_table.this.name
  }

  tags = {
    CostCenter  = "CC-5200"
    Environment = "prod"
    Team        = "inventory"
  }
}

resource "aws_cloudwatch_metric_alarm" "read_throttle_by_warehouse_eu_west_2" {
  region              = "eu-west-2"
  alarm_name          = "stock-reservations-by-warehouse-read-throttle"
  alarm_description   = "Read requests to index by-warehouse of stock-reservations are being throttled in eu-west-2."
  comparison_operator = "GreaterThanOrEqualToThreshold"
  threshold           = 1
  evaluation_periods  = 5
  datapoints_to_alarm = 3
  treat_missing_data  = "notBreaching"
  alarm_actions       = var.replica_alarm_actions["eu-west-2"]
  ok_actions          = var.replica_alarm_actions["eu-west-2"]
  namespace           = "AWS/DynamoDB"
  metric_name         = "ReadThrottleEvents"
  statistic           = "Sum"
  period              = 60

  dimensions = {
    TableName                = aws_dynamodb_table.this.name
    GlobalSecondaryIndexName = "by-warehouse"
  }

  tags = {
    CostCenter  = "CC-5200"
    Environment = "prod"
    Team        = "inventory"
  }
}

resource "aws_cloudwatch_metric_alarm" "write_throttle_eu_west_2" {
  region              = "eu-west-2"
  alarm_name          = "stock-reservations-write-throttle"
  alarm_description   = "Write requests to stock-reservations are being throttled in eu-west-2."
  comparison_operator = "GreaterThanOrEqualToThreshold"
  threshold           = 1
  evaluation_periods  = 5
  datapoints_to_alarm = 3
  treat_missing_data  = "notBreaching"
  alarm_actions       = var.replica_alarm_actions["eu-west-2"]
  ok_actions          = var.replica_alarm_actions["eu-west-2"]
  namespace           = "AWS/DynamoDB"
  metric_name         = "WriteThrottleEvents"
  statistic           = "Sum"
  period              = 60

  dimensions = {
    TableName = aws_dynamodb_table.this.name
  }

  tags = {
    CostCenter  = "CC-5200"
    Environment = "prod"
    Team        = "inventory"
  }
}

resource "aws_cloudwatch_metric_alarm" "write_throttle_by_warehouse_eu_west_2" {
  region              = "eu-west-2"
  alarm_name          = "stock-reservations-by-warehouse-write-throttle"
  alarm_description   = "Write requests to index by-warehouse of stock-reservations are being throttled in eu-west-2."
  comparison_operator = "GreaterThanOrEqualToThreshold"
  threshold           = 1
  evaluation_periods  = 5
  datapoints_to_alarm = 3
  treat_missing_data  = "notBreaching"
  alarm_actions       = var.replica_alarm_actions["eu-west-2"]
  ok_actions          = var.replica_alarm_actions["eu-west-2"]
  namespace           = "AWS/DynamoDB"
  metric_name         = "WriteThrottleEvents"
  statistic           = "Sum"
  period              = 60

  dimensions = {
    TableName                = aws_dynamodb_table.this.name
    GlobalSecondaryIndexName = "by-warehouse"
  }

  tags = {
    CostCenter  = "CC-5200"
    Environment = "prod"
    Team        = "inventory"
  }
}

resource "aws_cloudwatch_metric_alarm" "read_throttle_eu_central_1" {
  region              = "eu-central-1"
  alarm_name          = "stock-reservations-read-throttle"
  alarm_description   = "Read requests to stock-reservations are being throttled in eu-central-1."
  comparison_operator = "GreaterThanOrEqualToThreshold"
  threshold           = 1
  evaluation_periods  = 5
  datapoints_to_alarm = 3
  treat_missing_data  = "notBreaching"
  alarm_actions       = var.replica_alarm_actions["eu-central-1"]
  ok_actions          = var.replica_alarm_actions["eu-central-1"]
  namespace           = "AWS/DynamoDB"
  metric_name         = "ReadThrottleEvents"
  statistic           = "Sum"
  period              = 60

  dimensions = {
    TableName = aws_dynamodb_table.this.name
  }

  tags = {
    CostCenter  = "CC-5200"
    Environment = "prod"
    Team        = "inventory"
  }
}

resource "aws_cloudwatch_metric_alarm" "read_throttle_by_warehouse_eu_central_1" {
  region              = "eu-central-1"
  alarm_name          = "stock-reservations-by-warehouse-read-throttle"
  alarm_description   = "Read requests to index by-warehouse of stock-reservations are being throttled in eu-central-1."
  comparison_operator = "GreaterThanOrEqualToThreshold"
  threshold           = 1
  evaluation_periods  = 5
  datapoints_to_alarm = 3
  treat_missing_data  = "notBreaching"
  alarm_actions       = var.replica_alarm_actions["eu-central-1"]
  ok_actions          = var.replica_alarm_actions["eu-central-1"]
  namespace           = "AWS/DynamoDB"
  metric_name         = "ReadThrottleEvents"
  statistic           = "Sum"
  period              = 60

  dimensions = {
    TableName                = aws_dynamodb_table.this.name
    GlobalSecondaryIndexName = "by-warehouse"
  }

  tags = {
    CostCenter  = "CC-5200"
    Environment = "prod"
    Team        = "inventory"
  }
}

resource "aws_cloudwatch_metric_alarm" "write_throttle_eu_central_1" {
  region              = "eu-central-1"
  alarm_name          = "stock-reservations-write-throttle"
  alarm_description   = "Write requests to stock-reservations are being throttled in eu-central-1."
  comparison_operator = "GreaterThanOrEqualToThreshold"
  threshold           = 1
  evaluation_periods  = 5
  datapoints_to_alarm = 3
  treat_missing_data  = "notBreaching"
  alarm_actions       = var.replica_alarm_actions["eu-central-1"]
  ok_actions          = var.replica_alarm_actions["eu-central-1"]
  namespace           = "AWS/DynamoDB"
  metric_name         = "WriteThrottleEvents"
  statistic           = "Sum"
  period              = 60

  dimensions = {
    TableName = aws_dynamodb_table.this.name
  }

  tags = {
    CostCenter  = "CC-5200"
    Environment = "prod"
    Team        = "inventory"
  }
}

resource "aws_cloudwatch_metric_alarm" "write_throttle_by_warehouse_eu_central_1" {
  region              = "eu-central-1"
  alarm_name          = "stock-reservations-by-warehouse-write-throttle"
  alarm_description   = "Write requests to index by-warehouse of stock-reservations are being throttled in eu-central-1."
  comparison_operator = "GreaterThanOrEqualToThreshold"
  threshold           = 1
  evaluation_periods  = 5
  datapoints_to_alarm = 3
  treat_missing_data  = "notBreaching"
  alarm_actions       = var.replica_alarm_actions["eu-central-1"]
  ok_actions          = var.replica_alarm_actions["eu-central-1"]
  namespace           = "AWS/DynamoDB"
  metric_name         = "WriteThrottleEvents"
  statistic           = "Sum"
  period              = 60

  dimensions = {
    TableName                = aws_dynamodb_table.this.name
    GlobalSecondaryIndexName = "by-warehouse"
  }

  tags = {
    CostCenter  = "CC-5200"
    Environment = "prod"
    Team        = "inventory"
  }
}

# SystemErrors is published per operation only, so each alarm sums one group:
# - read: GetItem, BatchGetItem, Query, Scan, TransactGetItems
# - write: PutItem, UpdateItem, DeleteItem, BatchWriteItem, TransactWriteItems
# - read: GetItem, BatchGetItem, Query, Scan, TransactGetItems
# - write: PutItem, UpdateItem, DeleteItem, BatchWriteItem, TransactWriteItems
# - read: GetItem, BatchGetItem, Query, Scan, TransactGetItems
# - write: PutItem, UpdateItem, DeleteItem, BatchWriteItem, TransactWriteItems
resource "aws_cloudwatch_metric_alarm" "read_system_errors" {
  alarm_name          = "stock-reservations-read-system-errors"
  alarm_description   = "DynamoDB returned server errors (HTTP 500) to read requests on stock-reservations in eu-west-1."
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
    CostCenter  = "CC-5200"
    Environment = "prod"
    Team        = "inventory"
  }
}

resource "aws_cloudwatch_metric_alarm" "write_system_errors" {
  alarm_name          = "stock-reservations-write-system-errors"
  alarm_description   = "DynamoDB returned server errors (HTTP 500) to write requests on stock-reservations in eu-west-1."
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
    CostCenter  = "CC-5200"
    Environment = "prod"
    Team        = "inventory"
  }
}

resource "aws_cloudwatch_metric_alarm" "read_system_errors_eu_west_2" {
  region              = "eu-west-2"
  alarm_name          = "stock-reservations-read-system-errors"
  alarm_description   = "DynamoDB returned server errors (HTTP 500) to read requests on stock-reservations in eu-west-2."
  comparison_operator = "GreaterThanOrEqualToThreshold"
  threshold           = 1
  evaluation_periods  = 5
  datapoints_to_alarm = 3
  treat_missing_data  = "notBreaching"
  alarm_actions       = var.replica_alarm_actions["eu-west-2"]
  ok_actions          = var.replica_alarm_actions["eu-west-2"]

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
    CostCenter  = "CC-5200"
    Environment = "prod"
    Team        = "inventory"
  }
}

resource "aws_cloudwatch_metric_alarm" "write_system_errors_eu_west_2" {
  region              = "eu-west-2"
  alarm_name          = "stock-reservations-write-system-errors"
  alarm_description   = "DynamoDB returned server errors (HTTP 500) to write requests on stock-reservations in eu-west-2."
  comparison_operator = "GreaterThanOrEqualToThreshold"
  threshold           = 1
  evaluation_periods  = 5
  datapoints_to_alarm = 3
  treat_missing_data  = "notBreaching"
  alarm_actions       = var.replica_alarm_actions["eu-west-2"]
  ok_actions          = var.replica_alarm_actions["eu-west-2"]

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
    CostCenter  = "CC-5200"
    Environment = "prod"
    Team        = "inventory"
  }
}

resource "aws_cloudwatch_metric_alarm" "read_system_errors_eu_central_1" {
  region              = "eu-central-1"
  alarm_name          = "stock-reservations-read-system-errors"
  alarm_description   = "DynamoDB returned server errors (HTTP 500) to read requests on stock-reservations in eu-central-1."
  comparison_operator = "GreaterThanOrEqualToThreshold"
  threshold           = 1
  evaluation_periods  = 5
  datapoints_to_alarm = 3
  treat_missing_data  = "notBreaching"
  alarm_actions       = var.replica_alarm_actions["eu-central-1"]
  ok_actions          = var.replica_alarm_actions["eu-central-1"]

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
    CostCenter  = "CC-5200"
    Environment = "prod"
    Team        = "inventory"
  }
}

resource "aws_cloudwatch_metric_alarm" "write_system_errors_eu_central_1" {
  region              = "eu-central-1"
  alarm_name          = "stock-reservations-write-system-errors"
  alarm_description   = "DynamoDB returned server errors (HTTP 500) to write requests on stock-reservations in eu-central-1."
  comparison_operator = "GreaterThanOrEqualToThreshold"
  threshold           = 1
  evaluation_periods  = 5
  datapoints_to_alarm = 3
  treat_missing_data  = "notBreaching"
  alarm_actions       = var.replica_alarm_actions["eu-central-1"]
  ok_actions          = var.replica_alarm_actions["eu-central-1"]

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
    CostCenter  = "CC-5200"
    Environment = "prod"
    Team        = "inventory"
  }
}
