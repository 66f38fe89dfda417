import "server-only";

/** Delivery: publishing approved modules to git repositories and following their pull requests. */
export { deleteDeliveryTarget, findDeliveryTarget, listDeliveryTargets, saveDeliveryTarget } from "./delivery-targets";
export { pollPullRequests, receivePullRequestWebhook, verifyGithubSignature } from "./follow-pull-requests";
export {
  getDeliveryOfRequest,
  getPublication,
  publishAfterApproval,
  publishAfterApprovalOf,
  publishChangeRequest,
  requestPublication,
} from "./publish-change-request";
