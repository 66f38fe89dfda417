variable "alarm_actions" {
  description = "ARNs notified when an alarm in eu-west-1 fires or clears (SNS topics in eu-west-1). Defaults to the topic in the request."
  type        = list(string)
  default     = ["arn:aws:sns:eu-west-1:123456789012:inventory-alerts"]

  validation {
    condition     = length(var.alarm_actions) > 0
    error_message = "alarm_actions needs at least one SNS topic ARN: an alarm without actions notifies no one."
  }
}

variable "replica_alarm_actions" {
  description = "ARNs notified by the alarms in each replica Region, keyed by Region (eu-west-2, eu-central-1); each list names SNS topics in its own Region."
  type        = map(list(string))

  validation {
    condition     = alltrue([for region in ["eu-west-2", "eu-central-1"] : length(lookup(var.replica_alarm_actions, region, [])) > 0])
    error_message = "replica_alarm_actions needs at least one SNS topic ARN for each of eu-west-2, eu-central-1: an alarm without actions notifies no one."
  }
}
