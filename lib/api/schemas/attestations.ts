import * as z from "zod";
import { ATTESTATION_VERDICTS, AttestationFindingSchema } from "@/lib/domain/attest";
import { Timestamp } from "./common";

/** A stored plan attestation of one revision, as the API and the request page show it. */
export const PlanAttestationSchema = z
  .object({
    id: z.string(),
    revisionNumber: z.number().int(),
    verdict: z.enum(ATTESTATION_VERDICTS),
    findings: z.array(AttestationFindingSchema),
    planDigest: z
      .string()
      .meta({ description: "SHA-256 of the plan as canonical JSON (`jq -cS . plan.json | sha256sum`)." }),
    terraformVersion: z.string(),
    moduleAddress: z.string().meta({ description: 'Where the table module sat in the plan: "" for the root module.' }),
    postedBy: z.string().meta({ description: "Who posted it (a person, or a person's API token)." }),
    viaToken: z.boolean(),
    createdAt: Timestamp,
  })
  .meta({ id: "PlanAttestation" });
export type PlanAttestation = z.output<typeof PlanAttestationSchema>;

export const PlanAttestationResultSchema = PlanAttestationSchema.extend({
  replayed: z.boolean().meta({
    description: "True when this plan (same digest) was already attested for the revision: nothing new was recorded.",
  }),
}).meta({ id: "PlanAttestationResult" });

export const PlanAttestationListSchema = z
  .object({ items: z.array(PlanAttestationSchema) })
  .meta({ id: "PlanAttestationList" });
