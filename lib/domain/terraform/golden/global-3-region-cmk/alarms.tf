resource "aws_cloudwatch_metric_alarm" "read_throttle" {
  alarm_name          = "sessions-global-read-throttle"
  alarm_description   = "Read requests to sessions-global are being throttled in us-east-1."
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
    CostCenter  = "CC-4100"
    DataClass   = "confidential"
    Environment = "prod"
    Team        = "identity"
  }
}

resource "aws_cloudwatch_metric_alarm" "read_throttle_by_user" {
  alarm_name          = "sessions-global-by-user-read-throttle"
  alarm_description   = "Read requests to index by-user of sessions-global are being throttled in us-east-1."
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
    GlobalSecondaryIndexName = "by-user"
  }

  tags = {
    CostCenter  = "CC-4100"
    DataClass   = "confidential"
    Environment = "prod"
    Team        = "identity"
  }
}

resource "aws_cloudwatch_metric_alarm" "write_throttle" {
  alarm_name          = "sessions-global-write-throttle"
  alarm_description   = "Write requests to sessions-global are being throttled in us-east-1."
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
    CostCenter  = "CC-4100"
    DataClass   = "confidential"
    Environment = "prod"
    Team        = "identity"
  }
}

resource "aws_cloudwatch_metric_alarm" "write_throttle_by_user" {
  alarm_name          = "sessions-global-by-user-write-throttle"
  alarm_description   = "Write requests to index by-user of sessions-global are being throttled in us-east-1."
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
    GlobalSecondaryIndexName = "by-user"
  }

  tags = {
    CostCenter  = "CC-4100"
    DataClass   = "confidential"
    Environment = "prod"
    Team        = "identity"
  }
}

resource "aws_cloudwatch_metric_alarm" "read_throttle_eu_west_1" {
  region              = "eu-west-1"
  alarm_name          = "sessions-global-read-throttle"
  alarm_description   = "Read requests to sessions-global are being throttled in eu-west-1."
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
    CostCenter  = "CC-4100"
    DataClass   = "confidential"
    Environment = "prod"
    Team        = "identity"
  }
}

resource "aws_cloudwatch_metric_alarm" "read_throttle_by_user_eu_west_1" {
  region              = "eu-west-1"
  alarm_name          = "sessions-global-by-user-read-throttle"
  alarm_description   = "Read requests to index by-user of sessions-global are being throttled in eu-west-1."
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
    TableName                = aws_dynamodb_table.this.name
    GlobalSecondaryIndexName = "by-user"
  }

  tags = {
    CostCenter  = "CC-4100"
    DataClass   = "confidential"
    Environment = "prod"
    Team        = "identity"
  }
}

resource "aws_cloudwatch_metric_alarm" "write_throttle_eu_west_1" {
  region              = "eu-west-1"
  alarm_name          = "sessions-global-write-throttle"
  alarm_description   = "Write requests to sessions-global are being throttled in eu-west-1."
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
    CostCenter  = "CC-4100"
    DataClass   = "confidential"
    Environment = "prod"
    Team        = "identity"
  }
}

resource "aws_cloudwatch_metric_alarm" "write_throttle_by_user_eu_west_1" {
  region              = "eu-west-1"
  alarm_name          = "sessions-global-by-user-write-throttle"
  alarm_description   = "Write requests to index by-user of sessions-global are being throttled in eu-west-1."
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
    TableName                = aws_dynamodb_table.this.name
    GlobalSecondaryIndexName = "by-user"
  }

  tags = {
    CostCenter  = "CC-4100"
    DataClass   = "confidential"
    Environment = "prod"
    Team        = "identity"
  }
}

resource "aws_cloudwatch_metric_alarm" "read_throttle_ap_southeast_2" {
  region              = "ap-southeast-2"
  alarm_name          = "sessions-global-read-throttle"
  alarm_description   = "Read requests to sessions-global are being throttled in ap-southeast-2."
  comparison_operator = "GreaterThanOrEqualToThreshold"
  threshold           = 1
  evaluation_periods  = 5
  datapoints_to_alarm = 3
  treat_missing_data  = "notBreaching"
  alarm_actions       = var.replica_alarm_actions["ap-southeast-2"]
  ok_actions          = var.replica_alarm_actions["ap-southeast-2"]
  namespace           = "AWS/DynamoDB"
  metric_name         = "ReadThrottleEvents"
  statistic           = "Sum"
  period              = 60

  dimensions = {
    TableName = aws_dynamodb_table.this.name
  }

  tags = {
    CostCenter  = "CC-4100"
    DataClass   = "confidential"
    Environment = "prod"
    Team        = "identity"
  }
}

resource "aws_cloudwatch_metric_alarm" "read_throttle_by_user_ap_southeast_2" {
  region              = "ap-southeast-2"
  alarm_name          = "sessions-global-by-user-read-throttle"
  alarm_description   = "Read requests to index by-user of sessions-global are being throttled in ap-southeast-2."
  comparison_operator = "GreaterThanOrEqualToThreshold"
  threshold           = 1
  evaluation_periods  = 5
  datapoints_to_alarm = 3
  treat_missing_data  = "notBreaching"
  alarm_actions       = var.replica_alarm_actions["ap-southeast-2"]
  ok_actions          = var.replica_alarm_actions["ap-southeast-2"]
  namespace           = "AWS/DynamoDB"
  metric_name         = "ReadThrottleEvents"
  statistic           = "Sum"
  period              = 60

  dimensions = {
    TableName                = aws_dynamodb_table.this.name
    GlobalSecondaryIndexName = "by-user"
  }

  tags = {
    CostCenter  = "CC-4100"
    DataClass   = "confidential"
    Environment = "prod"
    Team        = "identity"
  }
}

resource "aws_cloudwatch_metric_alarm" "write_throttle_ap_southeast_2" {
  region              = "ap-southeast-2"
  alarm_name          = "sessions-global-write-throttle"
  alarm_description   = "Write requests to sessions-global are being throttled in ap-southeast-2."
  comparison_operator = "GreaterThanOrEqualToThreshold"
  threshold           = 1
  evaluation_periods  = 5
  datapoints_to_alarm = 3
  treat_missing_data  = "notBreaching"
  alarm_actions       = var.replica_alarm_actions["ap-southeast-2"]
  ok_actions          = var.replica_alarm_actions["ap-southeast-2"]
  namespace           = "AWS/DynamoDB"
  metric_name         = "WriteThrottleEvents"
  statistic           = "Sum"
  period              = 60

  dimensions = {
    TableName = aws_dynamodb_table.this.name
  }

  tags = {
    CostCenter  = "CC-4100"
    DataClass   = "confidential"
    Environment = "prod"
    Team        = "identity"
  }
}

resource "aws_cloudwatch_metric_alarm" "write_throttle_by_user_ap_southeast_2" {
  region              = "ap-southeast-2"
  alarm_name          = "sessions-global-by-user-write-throttle"
  alarm_description   = "Write requests to index by-user of sessions-global are being throttled in ap-southeast-2."
  comparison_operator = "GreaterThanOrEqualToThreshold"
  threshold           = 1
  evaluation_periods  = 5
  datapoints_to_alarm = 3
  treat_missing_data  = "notBreaching"
  alarm_actions       = var.replica_alarm_actions["ap-southeast-2"]
  ok_actions          = var.replica_alarm_actions["ap-southeast-2"]
  namespace           = "AWS/DynamoDB"
  metric_name         = "WriteThrottleEvents"
  statistic           = "Sum"
  period              = 60

  dimensions = {
    TableName                = aws_dynamodb_table.this.name
    GlobalSecondaryIndexName = "by-user"
  }

  tags = {
    CostCenter  = "CC-4100"
    DataClass   = "confidential"
    Environment = "prod"
    Team        = "identity"
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
  alarm_name          = "sessions-global-read-system-errors"
  alarm_description   = "DynamoDB returned server errors (HTTP 500) to read requests on sessions-global in us-east-1."
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
    CostCenter  = "CC-4100"
    DataClass   = "confidential"
    Environment = "prod"
    Team        = "identity"
  }
}

resource "aws_cloudwatch_metric_alarm" "write_system_errors" {
  alarm_name          = "sessions-global-write-system-errors"
  alarm_description   = "DynamoDB returned server errors (HTTP 500) to write requests on sessions-global in us-east-1."
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
    CostCenter  = "CC-4100"
    DataClass   = "confidential"
    Environment = "prod"
    Team        = "identity"
  }
}

resource "aws_cloudwatch_metric_alarm" "read_system_errors_eu_west_1" {
  region              = "eu-west-1"
  alarm_name          = "sessions-global-read-system-errors"
  alarm_description   = "DynamoDB returned server errors (HTTP 500) to read requests on sessions-global in eu-west-1."
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
    CostCenter  = "CC-4100"
    DataClass   = "confidential"
    Environment = "prod"
    Team        = "identity"
  }
}

resource "aws_cloudwatch_metric_alarm" "write_system_errors_eu_west_1" {
  region              = "eu-west-1"
  alarm_name          = "sessions-global-write-system-errors"
  alarm_description   = "DynamoDB returned server errors (HTTP 500) to write requests on sessions-global in eu-west-1."
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
    CostCenter  = "CC-4100"
    DataClass   = "confidential"
    Environment = "prod"
    Team        = "identity"
  }
}

resource "aws_cloudwatch_metric_alarm" "read_system_errors_ap_southeast_2" {
  region              = "ap-southeast-2"
  alarm_name          = "sessions-global-read-system-errors"
  alarm_description   = "DynamoDB returned server errors (HTTP 500) to read requests on sessions-global in ap-southeast-2."
  comparison_operator = "GreaterThanOrEqualToThreshold"
  threshold           = 1
  evaluation_periods  = 5
  datapoints_to_alarm = 3
  treat_missing_data  = "notBreaching"
  alarm_actions       = var.replica_alarm_actions["ap-southeast-2"]
  ok_actions          = var.replica_alarm_actions["ap-southeast-2"]

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
    CostCenter  = "CC-4100"
    DataClass   = "confidential"
    Environment = "prod"
    Team        = "identity"
  }
}

resource "aws_cloudwatch_metric_alarm" "write_system_errors_ap_southeast_2" {
  region              = "ap-southeast-2"
  alarm_name          = "sessions-global-write-system-errors"
  alarm_description   = "DynamoDB returned server errors (HTTP 500) to write requests on sessions-global in ap-southeast-2."
  comparison_operator = "GreaterThanOrEqualToThreshold"
  threshold           = 1
  evaluation_periods  = 5
  datapoints_to_alarm = 3
  treat_missing_data  = "notBreaching"
  alarm_actions       = var.replica_alarm_actions["ap-southeast-2"]
  ok_actions          = var.replica_alarm_actions["ap-southeast-2"]

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
    CostCenter  = "CC-4100"
    DataClass   = "confidential"
    Environment = "prod"
    Team        = "identity"
  }
}

resource "aws_cloudwatch_metric_alarm" "replication_latency_eu_west_1" {
  alarm_name          = "sessions-global-replication-latency-eu-west-1"
  alarm_description   = "Replication from us-east-1 to eu-west-1 lags for sessions-global."
  comparison_operator = "GreaterThanOrEqualToThreshold"
  threshold           = 30000
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
    CostCenter  = "CC-4100"
    DataClass   = "confidential"
    Environment = "prod"
    Team        = "identity"
  }
}

resource "aws_cloudwatch_metric_alarm" "replication_latency_ap_southeast_2" {
  alarm_name          = "sessions-global-replication-latency-ap-southeast-2"
  alarm_description   = "Replication from us-east-1 to ap-southeast-2 lags for sessions-global."
  comparison_operator = "GreaterThanOrEqualToThreshold"
  threshold           = 30000
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
    ReceivingRegion = "ap-southeast-2"
  }

  tags = {
    CostCenter  = "CC-4100"
    DataClass   = "confidential"
    Environment = "prod"
    Team        = "identity"
  }
}

resource "aws_cloudwatch_metric_alarm" "replication_latency_eu_west_1_to_us_east_1" {
  region              = "eu-west-1"
  alarm_name          = "sessions-global-replication-latency-eu-west-1-to-us-east-1"
  alarm_description   = "Replication from eu-west-1 to us-east-1 lags for sessions-global."
  comparison_operator = "GreaterThanOrEqualToThreshold"
  threshold           = 30000
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
    CostCenter  = "CC-4100"
    DataClass   = "confidential"
    Environment = "prod"
    Team        = "identity"
  }
}

resource "aws_cloudwatch_metric_alarm" "replication_latency_eu_west_1_to_ap_southeast_2" {
  region              = "eu-west-1"
  alarm_name          = "sessions-global-replication-latency-eu-west-1-to-ap-southeast-2"
  alarm_description   = "Replication from eu-west-1 to ap-southeast-2 lags for sessions-global."
  comparison_operator = "GreaterThanOrEqualToThreshold"
  threshold           = 30000
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
    ReceivingRegion = "ap-southeast-2"
  }

  tags = {
    CostCenter  = "CC-4100"
    DataClass   = "confidential"
    Environment = "prod"
    Team        = "identity"
  }
}

resource "aws_cloudwatch_metric_alarm" "replication_latency_ap_southeast_2_to_us_east_1" {
  region              = "ap-southeast-2"
  alarm_name          = "sessions-global-replication-latency-ap-southeast-2-to-us-east-1"
  alarm_description   = "Replication from ap-southeast-2 to us-east-1 lags for sessions-global."
  comparison_operator = "GreaterThanOrEqualToThreshold"
  threshold           = 30000
  evaluation_periods  = 5
  datapoints_to_alarm = 3
  treat_missing_data  = "notBreaching"
  alarm_actions       = var.replica_alarm_actions["ap-southeast-2"]
  ok_actions          = var.replica_alarm_actions["ap-southeast-2"]
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
    CostCenter  = "CC-4100"
    DataClass   = "confidential"
    Environment = "prod"
    Team        = "identity"
  }
}

resource "aws_cloudwatch_metric_alarm" "replication_latency_ap_southeast_2_to_eu_west_1" {
  region              = "ap-southeast-2"
  alarm_name          = "sessions-global-replication-latency-ap-southeast-2-to-eu-west-1"
  alarm_description   = "Replication from ap-southeast-2 to eu-west-1 lags for sessions-global."
  comparison_operator = "GreaterThanOrEqualToThreshold"
  threshold           = 30000
  evaluation_periods  = 5
  datapoints_to_alarm = 3
  treat_missing_data  = "notBreaching"
  alarm_actions       = var.replica_alarm_actions["ap-southeast-2"]
  ok_actions          = var.replica_alarm_actions["ap-southeast-2"]
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
    CostCenter  = "CC-4100"
    DataClass   = "confidential"
    Environment = "prod"
    Team        = "identity"
  }
}
