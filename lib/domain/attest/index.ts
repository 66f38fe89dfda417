/** Plan attestation: does a `terraform show -json` plan do what the approved revision says? */
export { type ApprovedRevision, type AttestOptions, attestPlan } from "./attest-plan";
export { canonicalPlanJson } from "./findings";
export { MAX_PLAN_BYTES } from "./limits";
export { detectProviderMajor, listModuleResources } from "./module-resources";
export {
  ATTESTATION_VERDICTS,
  type AttestationFinding,
  AttestationFindingSchema,
  type AttestationResult,
  AttestationResultSchema,
  FINDING_CODES,
  type FindingCode,
  type TerraformPlan,
  TerraformPlanSchema,
} from "./schema";
