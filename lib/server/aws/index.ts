import "server-only";

/** Live checks against DynamoDB: status, name collisions, verification and drift, import. */
export {
  type CollisionCheckResult,
  checkTableNameCollisions,
  type RegionNameCheck,
} from "./check-table-name-collisions";
export { type AwsAccessConfig, getLiveCheckStatus, type LiveCheckStatus, resolveAwsAccessConfig } from "./config";
export { createSdkDynamoDbApi, type DynamoDbApi } from "./dynamodb-api";
export { type ImportExistingTableInput, importExistingTable, readImpliedTableRequest } from "./import-existing-table";
export { readLiveTable } from "./read-live-table";
export { type ChangeRequestVerification, verifyChangeRequest } from "./verify-change-request";
export { type VerificationResult, verifyTableRequest } from "./verify-table-request";
