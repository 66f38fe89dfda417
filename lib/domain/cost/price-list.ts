import priceListJson from "./price-list.json";
import type { PriceList, RegionPrices } from "./types";

/**
 * The prices shipped with the project, generated from `prices/dynamodb-prices.csv` by
 * `npm run prices:update -- --from-csv`. Imported as JSON so the estimate runs in the browser too.
 */
export const DEFAULT_PRICE_LIST: PriceList = priceListJson as PriceList;

/** The Region's prices, or undefined when the price list has none for it. */
export function findRegionPrices(priceList: PriceList, region: string): RegionPrices | undefined {
  return Object.hasOwn(priceList.regions, region) ? priceList.regions[region] : undefined;
}
