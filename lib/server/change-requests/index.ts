export { addComment } from "./add-comment";
export { addRevision } from "./add-revision";
export { createChangeRequest } from "./create-change-request";
export { getApplyBundle } from "./get-apply-bundle";
export { getChangeRequest } from "./get-change-request";
export { getChangeSafety } from "./get-change-safety";
export { diffChangeRequestRevisions, getRevisionBundle, listChangeRequestAudit } from "./get-revision";
export { type ListFilters, listChangeRequests } from "./list-change-requests";
export { transitionChangeRequest } from "./transition-change-request";
