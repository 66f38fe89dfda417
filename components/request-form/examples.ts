import activePassive from "@/examples/requests/valid/active-passive-standby.json";
import basicDev from "@/examples/requests/valid/basic-dev.json";
import global3Region from "@/examples/requests/valid/global-3-region-cmk.json";
import mrscWitness from "@/examples/requests/valid/mrsc-witness.json";
import prodWithGsis from "@/examples/requests/valid/prod-with-gsis.json";
import provisioned from "@/examples/requests/valid/provisioned-autoscaling.json";
import { type TableRequestInput, TableRequestSchema } from "@/lib/domain/request/schema";

/** Example requests from examples/requests/valid, for "Load example". */
export const REQUEST_EXAMPLES = [
  { id: "basic-dev", label: "Dev table with TTL", json: basicDev },
  { id: "prod-with-gsis", label: "Prod table with GSIs and backup copy", json: prodWithGsis },
  { id: "provisioned-autoscaling", label: "Provisioned with auto scaling", json: provisioned },
  { id: "active-passive", label: "Active-passive global table", json: activePassive },
  { id: "global-3-region-cmk", label: "3-Region global table, customer-managed keys", json: global3Region },
  { id: "mrsc-witness", label: "MRSC with a witness (zero RPO)", json: mrscWitness },
] as const;

export type RequestExampleId = (typeof REQUEST_EXAMPLES)[number]["id"];

/** The example as a request (parsed, so its shape is checked rather than cast). */
export function loadExample(id: RequestExampleId): TableRequestInput {
  const example = REQUEST_EXAMPLES.find((e) => e.id === id);
  if (!example) throw new Error(`unknown example ${id}`);
  return TableRequestSchema.parse(example.json);
}
