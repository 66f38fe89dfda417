# Target tracking keeps consumed capacity near the requested utilisation. The table ignores
# changes to the capacity these targets manage (see lifecycle in main.tf).
resource "aws_appautoscaling_target" "table_read" {
  service_namespace  = "dynamodb"
  resource_id        = "table/${aws_dynamodb_table.this.name}"
  scalable_dimension = "dynamodb:table:ReadCapacityUnits"
  min_capacity       = 10
  max_capacity       = 300
}

resource "aws_appautoscaling_policy" "table_read" {
  name               = "DynamoDBReadCapacityUtilization:${aws_appautoscaling_target.table_read.resource_id}"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.table_read.service_namespace
  resource_id        = aws_appautoscaling_target.table_read.resource_id
  scalable_dimension = aws_appautoscaling_target.table_read.scalable_dimension

  target_tracking_scaling_policy_configuration {
    target_value = 70

    predefined_metric_specification {
      predefined_metric_type = "DynamoDBReadCapacityUtilization"
    }
  }
}

resource "aws_appautoscaling_target" "table_write" {
  service_namespace  = "dynamodb"
  resource_id        = "table/${aws_dynamodb_table.this.name}"
  scalable_dimension = "dynamodb:table:WriteCapacityUnits"
  min_capacity       = 10
  max_capacity       = 300
}

resource "aws_appautoscaling_policy" "table_write" {
  name               = "DynamoDBWriteCapacityUtilization:${aws_appautoscaling_target.table_write.resource_id}"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.table_write.service_namespace
  resource_id        = aws_appautoscaling_target.table_write.resource_id
  scalable_dimension = aws_appautoscaling_target.table_write.scalable_dimension

  target_tracking_scaling_policy_configuration {
    target_value = 70

    predefined_metric_specification {
      predefined_metric_type = "DynamoDBWriteCapacityUtilization"
    }
  }
}

resource "aws_appautoscaling_target" "index_by_sku_read" {
  service_namespace  = "dynamodb"
  resource_id        = "table/${aws_dynamodb_table.this.name}/index/by-sku"
  scalable_dimension = "dynamodb:index:ReadCapacityUnits"
  min_capacity       = 5
  max_capacity       = 100
}

resource "aws_appautoscaling_policy" "index_by_sku_read" {
  name               = "DynamoDBReadCapacityUtilization:${aws_appautoscaling_target.index_by_sku_read.resource_id}"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.index_by_sku_read.service_namespace
  resource_id        = aws_appautoscaling_target.index_by_sku_read.resource_id
  scalable_dimension = aws_appautoscaling_target.index_by_sku_read.scalable_dimension

  target_tracking_scaling_policy_configuration {
    target_value = 70

    predefined_metric_specification {
      predefined_metric_type = "DynamoDBReadCapacityUtilization"
    }
  }
}

resource "aws_appautoscaling_target" "index_by_sku_write" {
  service_namespace  = "dynamodb"
  resource_id        = "table/${aws_dynamodb_table.this.name}/index/by-sku"
  scalable_dimension = "dynamodb:index:WriteCapacityUnits"
  min_capacity       = 5
  max_capacity       = 100
}

resource "aws_appautoscaling_policy" "index_by_sku_write" {
  name               = "DynamoDBWriteCapacityUtilization:${aws_appautoscaling_target.index_by_sku_write.resource_id}"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.index_by_sku_write.service_namespace
  resource_id        = aws_appautoscaling_target.index_by_sku_write.resource_id
  scalable_dimension = aws_appautoscaling_target.index_by_sku_write.scalable_dimension

  target_tracking_scaling_policy_configuration {
    target_value = 60

    predefined_metric_specification {
      predefined_metric_type = "DynamoDBWriteCapacityUtilization"
    }
  }
}

resource "aws_appautoscaling_target" "index_by_warehouse_read" {
  service_namespace  = "dynamodb"
  resource_id        = "table/${aws_dynamodb_table.this.name}/index/by-warehouse"
  scalable_dimension = "dynamodb:index:ReadCapacityUnits"
  min_capacity       = 5
  max_capacity       = 100
}

resource "aws_appautoscaling_policy" "index_by_warehouse_read" {
  name               = "DynamoDBReadCapacityUtilization:${aws_appautoscaling_target.index_by_warehouse_read.resource_id}"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.index_by_warehouse_read.service_namespace
  resource_id        = aws_appautoscaling_target.index_by_warehouse_read.resource_id
  scalable_dimension = aws_appautoscaling_target.index_by_warehouse_read.scalable_dimension

  target_tracking_scaling_policy_configuration {
    target_value = 70

    predefined_metric_specification {
      predefined_metric_type = "DynamoDBReadCapacityUtilization"
    }
  }
}

resource "aws_appautoscaling_target" "index_by_warehouse_write" {
  service_namespace  = "dynamodb"
  resource_id        = "table/${aws_dynamodb_table.this.name}/index/by-warehouse"
  scalable_dimension = "dynamodb:index:WriteCapacityUnits"
  min_capacity       = 5
  max_capacity       = 100
}

resource "aws_appautoscaling_policy" "index_by_warehouse_write" {
  name               = "DynamoDBWriteCapacityUtilization:${aws_appautoscaling_target.index_by_warehouse_write.resource_id}"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.index_by_warehouse_write.service_namespace
  resource_id        = aws_appautoscaling_target.index_by_warehouse_write.resource_id
  scalable_dimension = aws_appautoscaling_target.index_by_warehouse_write.scalable_dimension

  target_tracking_scaling_policy_configuration {
    target_value = 60

    predefined_metric_specification {
      predefined_metric_type = "DynamoDBWriteCapacityUtilization"
    }
  }
}

resource "aws_appautoscaling_target" "index_by_status_read" {
  service_namespace  = "dynamodb"
  resource_id        = "table/${aws_dynamodb_table.this.name}/index/by-status"
  scalable_dimension = "dynamodb:index:ReadCapacityUnits"
  min_capacity       = 5
  max_capacity       = 100
}

resource "aws_appautoscaling_policy" "index_by_status_read" {
  name               = "DynamoDBReadCapacityUtilization:${aws_appautoscaling_target.index_by_status_read.resource_id}"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.index_by_status_read.service_namespace
  resource_id        = aws_appautoscaling_target.index_by_status_read.resource_id
  scalable_dimension = aws_appautoscaling_target.index_by_status_read.scalable_dimension

  target_tracking_scaling_policy_configuration {
    target_value = 70

    predefined_metric_specification {
      predefined_metric_type = "DynamoDBReadCapacityUtilization"
    }
  }
}

resource "aws_appautoscaling_target" "index_by_status_write" {
  service_namespace  = "dynamodb"
  resource_id        = "table/${aws_dynamodb_table.this.name}/index/by-status"
  scalable_dimension = "dynamodb:index:WriteCapacityUnits"
  min_capacity       = 5
  max_capacity       = 100
}

resource "aws_appautoscaling_policy" "index_by_status_write" {
  name               = "DynamoDBWriteCapacityUtilization:${aws_appautoscaling_target.index_by_status_write.resource_id}"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.index_by_status_write.service_namespace
  resource_id        = aws_appautoscaling_target.index_by_status_write.resource_id
  scalable_dimension = aws_appautoscaling_target.index_by_status_write.scalable_dimension

  target_tracking_scaling_policy_configuration {
    target_value = 60

    predefined_metric_specification {
      predefined_metric_type = "DynamoDBWriteCapacityUtilization"
    }
  }
}

resource "aws_appautoscaling_target" "index_by_updated_read" {
  service_namespace  = "dynamodb"
  resource_id        = "table/${aws_dynamodb_table.this.name}/index/by-updated"
  scalable_dimension = "dynamodb:index:ReadCapacityUnits"
  min_capacity       = 5
  max_capacity       = 100
}

resource "aws_appautoscaling_policy" "index_by_updated_read" {
  name               = "DynamoDBReadCapacityUtilization:${aws_appautoscaling_target.index_by_updated_read.resource_id}"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.index_by_updated_read.service_namespace
  resource_id        = aws_appautoscaling_target.index_by_updated_read.resource_id
  scalable_dimension = aws_appautoscaling_target.index_by_updated_read.scalable_dimension

  target_tracking_scaling_policy_configuration {
    target_value = 70

    predefined_metric_specification {
      predefined_metric_type = "DynamoDBReadCapacityUtilization"
    }
  }
}

resource "aws_appautoscaling_target" "index_by_updated_write" {
  service_namespace  = "dynamodb"
  resource_id        = "table/${aws_dynamodb_table.this.name}/index/by-updated"
  scalable_dimension = "dynamodb:index:WriteCapacityUnits"
  min_capacity       = 5
  max_capacity       = 100
}

resource "aws_appautoscaling_policy" "index_by_updated_write" {
  name               = "DynamoDBWriteCapacityUtilization:${aws_appautoscaling_target.index_by_updated_write.resource_id}"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.index_by_updated_write.service_namespace
  resource_id        = aws_appautoscaling_target.index_by_updated_write.resource_id
  scalable_dimension = aws_appautoscaling_target.index_by_updated_write.scalable_dimension

  target_tracking_scaling_policy_configuration {
    target_value = 60

    predefined_metric_specification {
      predefined_metric_type = "DynamoDBWriteCapacityUtilization"
    }
  }
}

resource "aws_appautoscaling_target" "index_by_supplier_read" {
  service_namespace  = "dynamodb"
  resource_id        = "table/${aws_dynamodb_table.this.name}/index/by-supplier"
  scalable_dimension = "dynamodb:index:ReadCapacityUnits"
  min_capacity       = 5
  max_capacity       = 100
}

resource "aws_appautoscaling_policy" "index_by_supplier_read" {
  name               = "DynamoDBReadCapacityUtilization:${aws_appautoscaling_target.index_by_supplier_read.resource_id}"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.index_by_supplier_read.service_namespace
  resource_id        = aws_appautoscaling_target.index_by_supplier_read.resource_id
  scalable_dimension = aws_appautoscaling_target.index_by_supplier_read.scalable_dimension

  target_tracking_scaling_policy_configuration {
    target_value = 70

    predefined_metric_specification {
      predefined_metric_type = "DynamoDBReadCapacityUtilization"
    }
  }
}

resource "aws_appautoscaling_target" "index_by_supplier_write" {
  service_namespace  = "dynamodb"
  resource_id        = "table/${aws_dynamodb_table.this.name}/index/by-supplier"
  scalable_dimension = "dynamodb:index:WriteCapacityUnits"
  min_capacity       = 5
  max_capacity       = 100
}

resource "aws_appautoscaling_policy" "index_by_supplier_write" {
  name               = "DynamoDBWriteCapacityUtilization:${aws_appautoscaling_target.index_by_supplier_write.resource_id}"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.index_by_supplier_write.service_namespace
  resource_id        = aws_appautoscaling_target.index_by_supplier_write.resource_id
  scalable_dimension = aws_appautoscaling_target.index_by_supplier_write.scalable_dimension

  target_tracking_scaling_policy_configuration {
    target_value = 60

    predefined_metric_specification {
      predefined_metric_type = "DynamoDBWriteCapacityUtilization"
    }
  }
}
