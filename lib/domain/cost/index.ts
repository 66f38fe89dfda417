/** The cost estimate: AWS's per-Region DynamoDB prices applied to a table request. */
export { DEFAULT_DATA_TRANSFER_USD_PER_GB, estimateCost } from "./estimate-cost";
export { formatNumber, formatUsd, roundToCents } from "./format";
export { DEFAULT_PRICE_LIST, findRegionPrices } from "./price-list";
export type * from "./types";
