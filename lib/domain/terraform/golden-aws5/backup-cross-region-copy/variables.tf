variable "alarm_actions" {
  description = "ARNs notified when an alarm in eu-central-1 fires or clears (SNS topics in eu-central-1). Defaults to the topic in the request."
  type        = list(string)
  default     = ["arn:aws:sns:eu-central-1:123456789012:documents-alerts"]

  validation {
    condition     = length(var.alarm_actions) > 0
    error_message = "alarm_actions needs at least one SNS topic ARN: an alarm without actions notifies no one."
  }
}
