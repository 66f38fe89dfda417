export {
  attestRevisionPlan,
  listLatestAttestations,
  listPlanAttestations,
  toPlanAttestation,
} from "./attest-revision-plan";
