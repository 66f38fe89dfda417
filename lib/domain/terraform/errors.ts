/**
 * Thrown when a request reaches the renderer with something the module cannot express.
 * Validation must stop these requests first; each `code` names the validation issue that
 * should have been emitted (`validateTableRequest` uses the same codes), so a thrown error
 * here is a validation gap, never a silently dropped setting.
 */
export class UnrenderableRequestError extends Error {
  readonly code: UnrenderableCode;
  readonly path: string;

  constructor(code: UnrenderableCode, path: string, message: string) {
    super(`${code} at ${path}: ${message}`);
    this.name = "UnrenderableRequestError";
    this.code = code;
    this.path = path;
  }
}

/** Every code the renderer can refuse with; validation must emit each one as an error. */
export const UNRENDERABLE_CODES = [
  "ATTRIBUTE_TYPE_CONFLICT",
  "KMS_KEY_REQUIRED",
  "KMS_KEY_NOT_ALLOWED",
  "GSI_CAPACITY_REQUIRED",
  "GSI_CAPACITY_NOT_ALLOWED",
  "ON_DEMAND_THROUGHPUT_WITH_PROVISIONED",
  "LSI_REQUIRES_TABLE_SORT_KEY",
  "AUTOSCALING_MIN_TOO_LOW",
  "AUTOSCALING_MIN_ABOVE_MAX",
  "STREAM_VIEW_TYPE_WITHOUT_STREAM",
  "PITR_RECOVERY_PERIOD_RANGE",
  "REPLICA_IN_PRIMARY_REGION",
  "REPLICA_DUPLICATE_REGION",
  "REPLICA_KMS_KEY_REQUIRED",
  "REPLICA_KMS_KEY_NOT_ALLOWED",
  "PROVIDER_REPLICA_TABLE_CLASS_UNSUPPORTED",
  "PROVIDER_TARGET_MRSC_UNSUPPORTED",
  "PROVIDER_TARGET_WARM_THROUGHPUT_UNSUPPORTED",
  "WARM_THROUGHPUT_EMPTY",
  "WARM_THROUGHPUT_READ_BELOW_MINIMUM",
  "WARM_THROUGHPUT_WRITE_BELOW_MINIMUM",
  "MRSC_PROVISIONED_UNSUPPORTED",
  "ALARM_THRESHOLD_ALWAYS_BREACHING",
  "ALARM_DATAPOINTS_ABOVE_PERIODS",
  "PROVIDER_REPLICA_READ_CAPACITY_OVERRIDE_UNSUPPORTED",
  "PROVIDER_REPLICA_MAX_READ_OVERRIDE_UNSUPPORTED",
  "GLOBAL_TABLE_STREAM_DISABLED",
  "GLOBAL_TABLE_STREAM_VIEW_TYPE",
  "GLOBAL_TABLE_WRITE_AUTOSCALING_REQUIRED",
  "MRSC_REGION_COUNT",
  "MRSC_TTL_UNSUPPORTED",
  "MRSC_LSI_UNSUPPORTED",
  "WITNESS_REQUIRES_STRONG_CONSISTENCY",
  "WITNESS_IN_REPLICA_REGION",
  "BACKUP_COPY_SAME_REGION",
  "BACKUP_RETENTION_INVALID",
] as const;
export type UnrenderableCode = (typeof UNRENDERABLE_CODES)[number];

/** Throws the refusal for `code` at `path` (a request field in dotted form). */
export function refuseRender(code: UnrenderableCode, path: string, message: string): never {
  throw new UnrenderableRequestError(code, path, message);
}
