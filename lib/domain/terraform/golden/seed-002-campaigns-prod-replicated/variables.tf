variable "alarm_actions" {
  description = "ARNs notified when an alarm in af-south-1 fires or clears (SNS topics in af-south-1). Required: the request names no topic."
  type        = list(string)

  validation {
    condition     = length(var.alarm_actions) > 0
    error_message = "alarm_actions needs at least one SNS topic ARN: an alarm without actions notifies no one."
  }
}
