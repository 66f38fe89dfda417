import { formatPrice } from "../format";
import { BYTES_PER_GB } from "../units";
import type { LineTemplate, PricingInput } from "./line-template";

/**
 * Cross-Region transfer of a global table's replication, charged to the Region that took the
 * write. Not in AWS's DynamoDB price list: an assumed rate per GB, labelled as such. Writes are
 * split evenly over the ACTIVE Regions.
 */
export function buildTransferLine(input: PricingInput, writeShare: number, destinations: number): LineTemplate {
  const { detail, f, transferUsdPerGb } = input;
  const size = input.profile.workload.itemSizeBytes;
  const gb = (input.monthlyWrites * writeShare * size * destinations) / BYTES_PER_GB;
  return {
    component: "replication-data-transfer",
    quantity: gb,
    unit: "GB",
    fixedPrice: transferUsdPerGb,
    isAssumption: true,
    group: "other",
    description: detail
      ? `Cross-Region data transfer of writes made here to ${destinations} other Region(s). Not in AWS's DynamoDB price list: assumed ${formatPrice(transferUsdPerGb)}/GB`
      : "",
    formula: detail
      ? `${input.writesText} x ${f(writeShare)} x ${f(size)} bytes x ${destinations} destination(s) / 1,073,741,824 = ${f(gb)} GB`
      : "",
  };
}
