/**
 * Read-only access to DynamoDB for live checks: settings, the SDK client, reading a live table,
 * name collisions, verification against a request, the request a live table implies. No
 * database and no framework, so the portal (through lib/server/aws) and the CLI share it.
 */
export { apiForRequest } from "./api-for-request";
export {
  type CollisionCheckResult,
  checkTableNameCollisions,
  type RegionNameCheck,
} from "./check-table-name-collisions";
export {
  type AwsAccessConfig,
  getLiveCheckStatus,
  type LiveCheckStatus,
  resetLiveCheckStatus,
  resolveAwsAccessConfig,
} from "./config";
export { describeAwsError } from "./describe-aws-error";
export { createSdkDynamoDbApi, type DynamoDbApi } from "./dynamodb-api";
export {
  type ImpliedRequestResult,
  type ImportExistingTableInput,
  type ImportOptions,
  readImpliedTableRequest,
} from "./read-implied-table-request";
export { type LiveReadResult, readLiveTable } from "./read-live-table";
export { type VerificationResult, type VerifyOptions, verifyTableRequest } from "./verify-table-request";
