export { addComment } from "./add-comment";
export { addRevision } from "./add-revision";
export { createChangeRequest } from "./create-change-request";
export { type ChangeRequestDetail, getChangeRequest } from "./get-change-request";
export { getChangeSafety } from "./get-change-safety";
export { diffChangeRequestRevisions, getRevisionBundle, listChangeRequestAudit } from "./get-revision";
export { type ChangeRequestListItem, type ListFilters, listChangeRequests } from "./list-change-requests";
export { listReviewContext, type ReviewContext } from "./list-review-context";
export { transitionChangeRequest } from "./transition-change-request";
