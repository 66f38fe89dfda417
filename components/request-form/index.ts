/** The new-request form with its live side panel. */
export { RequestForm, type RequestFormProps, type RevisionTarget } from "./request-form";
