import "server-only";

/**
 * Live checks as the portal uses them: lib/aws does the reading (shared with the CLI); these add
 * what needs the database (storing an import, recording a verification on the timeline).
 */
export {
  type CollisionCheckResult,
  checkTableNameCollisions,
  getLiveCheckStatus,
  type LiveCheckStatus,
} from "@/lib/aws";
export { importExistingTable } from "./import-existing-table";
export { type ChangeRequestVerification, verifyChangeRequest } from "./verify-change-request";
