/** The new-request form with its live side panel. */
export {
  type CloneSource,
  RequestForm,
  type RequestFormProps,
  type RevisionTarget,
} from "./request-form";
