variable "alarm_actions" {
  description = "ARNs notified when an alarm fires or clears (SNS topics). Defaults to the topic in the request."
  type        = list(string)
  default     = ["arn:aws:sns:us-east-1:123456789012:billing-alerts"]
}
