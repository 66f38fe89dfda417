/**
 * How a difference between an approved table and the live one matters, the DynamoDB way, most
 * serious first. Plan-based drift tools report AWS's own adjustments (warm throughput, autoscaled
 * capacity) as drift, and teams learn to ignore the alarm; these classes keep them apart.
 */
export const DRIFT_CLASSES = ["protection_lost", "shape", "harmless", "aws_managed"] as const;
export type DriftClass = (typeof DRIFT_CLASSES)[number];

export interface DriftClassInfo {
  label: string;
  /** What it asks of people. */
  response: "urgent" | "decide" | "note" | "record";
  description: string;
}

export const DRIFT_CLASS_INFO: Record<DriftClass, DriftClassInfo> = {
  protection_lost: {
    label: "Protection lost",
    response: "urgent",
    description:
      "A safeguard of the approved table is gone: PITR or deletion protection off, a replica missing, encryption or its key changed, the stream of a global table off. Look now.",
  },
  shape: {
    label: "Shape changed",
    response: "decide",
    description:
      "The table was reshaped outside Terraform (an index added or removed, billing mode switched, capacity or settings edited). Adopt the live table or revert it.",
  },
  harmless: {
    label: "Harmless",
    response: "note",
    description: "Changed outside Terraform without risk to the table, such as a tag added.",
  },
  aws_managed: {
    label: "AWS-managed",
    response: "record",
    description:
      "DynamoDB adjusted it by design (warm throughput raised, capacity moved by autoscaling, AWS-set tags): recorded, not alarming.",
  },
};

/** Lower is more serious. */
export function driftSeverity(driftClass: DriftClass): number {
  return DRIFT_CLASSES.indexOf(driftClass);
}
