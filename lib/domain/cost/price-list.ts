import priceListJson from "./price-list.json";
import reservedPricesJson from "./reserved-capacity-prices.json";
import type { PriceList, RegionPrices, ReservedPriceList } from "./types";

/**
 * The prices shipped with the project, generated from `prices/dynamodb-prices.csv` by
 * `npm run prices:update -- --from-csv`. Imported as JSON so the estimate runs in the browser too.
 */
export const DEFAULT_PRICE_LIST: PriceList = priceListJson as PriceList;

/** Reserved-capacity prices, from `prices/dynamodb-reserved-capacity.csv` (AWS's price file lacks them). */
export const DEFAULT_RESERVED_PRICES: ReservedPriceList = reservedPricesJson as ReservedPriceList;

/** The Region's prices, or undefined when the price list has none for it. */
export function findRegionPrices(priceList: PriceList, region: string): RegionPrices | undefined {
  return Object.hasOwn(priceList.regions, region) ? priceList.regions[region] : undefined;
}
