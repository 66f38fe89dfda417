import type { RuleContext } from "./context";

const ALARM_THRESHOLDS = [
  ["readThrottleThreshold", "read throttles"],
  ["writeThrottleThreshold", "write throttles"],
  ["systemErrorsThreshold", "system errors"],
  ["replicationLatencyMsThreshold", "replication latency"],
] as const;

/**
 * What the generated Terraform module must be able to express for the policy's provider target,
 * and alarm settings that would make its alarms useless. The renderer refuses the same shapes with
 * the same codes (UNRENDERABLE_CODES), so a request that passes here always renders.
 */
export function checkTerraformModule({ request, policy, report, isMrsc }: RuleContext): void {
  const { regions } = request;
  if (policy.awsProviderMajor === 5 && (isMrsc || regions.witness)) {
    report.add(
      "PROVIDER_TARGET_MRSC_UNSUPPORTED",
      isMrsc ? ["regions", "consistency"] : ["regions", "witness"],
      "The platform targets hashicorp/aws 5.x, which cannot express multi-Region strong consistency (no replica consistency_mode, no global_table_witness). Use EVENTUAL consistency, or ask the platform team for the 6.x target.",
    );
  }
  if (isMrsc && request.billing.mode === "PROVISIONED" && regions.replicas.length > 0) {
    report.add(
      "MRSC_PROVISIONED_UNSUPPORTED",
      ["billing", "mode"],
      "An MRSC table's replicas are created with the table, before the autoscaling DynamoDB requires of a provisioned global table, so the first apply would fail. Use PAY_PER_REQUEST.",
    );
  }
  const alarms = request.alarms;
  if (!alarms?.enabled) return;
  for (const [field, what] of ALARM_THRESHOLDS) {
    if (alarms[field] < 1) {
      report.add(
        "ALARM_THRESHOLD_ALWAYS_BREACHING",
        ["alarms", field],
        `A ${what} threshold of 0 is reached by every minute, so the alarm would stay in ALARM; use 1 to alarm on the first one.`,
      );
    }
  }
  if (alarms.datapointsToAlarm > alarms.evaluationPeriods) {
    report.add(
      "ALARM_DATAPOINTS_ABOVE_PERIODS",
      ["alarms", "datapointsToAlarm"],
      `${alarms.datapointsToAlarm} breaching minutes cannot happen in a ${alarms.evaluationPeriods}-minute window; lower the datapoints to alarm or raise the evaluation periods.`,
    );
  }
}
