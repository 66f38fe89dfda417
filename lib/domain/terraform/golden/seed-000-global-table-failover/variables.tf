variable "alarm_actions" {
  description = "ARNs notified when an alarm fires or clears (SNS topics). Required: the request names no topic."
  type        = list(string)
}
