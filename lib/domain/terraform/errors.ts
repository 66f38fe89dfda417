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
  "CMK_KEY_ARN_REQUIRED",
  "KMS_KEY_ARN_WITHOUT_CMK",
  "GSI_CAPACITY_REQUIRED",
  "GSI_CAPACITY_ON_DEMAND",
  "GSI_ON_DEMAND_THROUGHPUT_PROVISIONED",
  "LSI_REQUIRES_TABLE_SORT_KEY",
  "AUTOSCALING_BOUNDS_INVALID",
  "STREAM_VIEW_TYPE_WITHOUT_STREAM",
  "PITR_RECOVERY_PERIOD_OUT_OF_RANGE",
  "REPLICA_IN_PRIMARY_REGION",
  "REPLICA_DUPLICATE_REGION",
  "REPLICA_KMS_KEY_REQUIRED",
  "REPLICA_TABLE_CLASS_OVERRIDE_UNSUPPORTED",
  "REPLICA_READ_CAPACITY_OVERRIDE_UNSUPPORTED",
  "REPLICA_MAX_READ_OVERRIDE_UNSUPPORTED",
  "GLOBAL_TABLE_STREAM_REQUIRED",
  "GLOBAL_TABLE_WRITE_AUTOSCALING_REQUIRED",
  "MRSC_REGION_COUNT",
  "MRSC_TTL_UNSUPPORTED",
  "MRSC_LSI_UNSUPPORTED",
  "WITNESS_REQUIRES_STRONG",
  "WITNESS_REGION_CONFLICT",
  "BACKUP_COPY_REGION_IS_PRIMARY",
  "BACKUP_RETENTION_INVALID",
] as const;
export type UnrenderableCode = (typeof UNRENDERABLE_CODES)[number];
