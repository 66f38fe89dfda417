import { CSV_UNITS, type PriceCsvRow } from "../../lib/domain/cost/price-csv";

/**
 * Reads AWS Price List API offer files for AmazonDynamoDB (bulk API, format v1.0: `products` keyed
 * by SKU with `usagetype` attributes, `terms.OnDemand[sku][offerTerm].priceDimensions`) and turns
 * them into rows of the project's price CSV. Kept apart from the network code so it can be tested
 * on a small fixture in the real format.
 */

export interface AwsPriceDimension {
  rateCode: string;
  description?: string;
  beginRange?: string;
  endRange?: string;
  unit?: string;
  pricePerUnit: Record<string, string>;
}

export interface AwsOfferFile {
  formatVersion?: string;
  offerCode?: string;
  version?: string;
  publicationDate?: string;
  products: Record<string, { sku: string; productFamily?: string; attributes: Record<string, string> }>;
  terms: {
    OnDemand?: Record<string, Record<string, { priceDimensions: Record<string, AwsPriceDimension> }>>;
  };
}

export interface AwsRegionIndex {
  publicationDate?: string;
  regions: Record<string, { regionCode: string; currentVersionUrl: string }>;
}

/** Usage type (without Region prefix) -> CSV component, table class and factor from per-unit USD to CSV units. */
const USAGE_TYPES: Record<string, { component: string; tableClass: string; factor: number }> = {
  WriteRequestUnits: { component: "ondemand_write_request_unit", tableClass: "STANDARD", factor: 1e6 },
  "IA-WriteRequestUnits": {
    component: "ondemand_write_request_unit",
    tableClass: "STANDARD_INFREQUENT_ACCESS",
    factor: 1e6,
  },
  ReadRequestUnits: { component: "ondemand_read_request_unit", tableClass: "STANDARD", factor: 1e6 },
  "IA-ReadRequestUnits": {
    component: "ondemand_read_request_unit",
    tableClass: "STANDARD_INFREQUENT_ACCESS",
    factor: 1e6,
  },
  ReplWriteRequestUnits: { component: "ondemand_replicated_write_request_unit", tableClass: "STANDARD", factor: 1e6 },
  "IA-ReplWriteRequestUnits": {
    component: "ondemand_replicated_write_request_unit",
    tableClass: "STANDARD_INFREQUENT_ACCESS",
    factor: 1e6,
  },
  "WriteCapacityUnit-Hrs": { component: "provisioned_wcu_hour", tableClass: "STANDARD", factor: 1 },
  "IA-WriteCapacityUnit-Hrs": {
    component: "provisioned_wcu_hour",
    tableClass: "STANDARD_INFREQUENT_ACCESS",
    factor: 1,
  },
  "ReadCapacityUnit-Hrs": { component: "provisioned_rcu_hour", tableClass: "STANDARD", factor: 1 },
  "IA-ReadCapacityUnit-Hrs": { component: "provisioned_rcu_hour", tableClass: "STANDARD_INFREQUENT_ACCESS", factor: 1 },
  "ReplWriteCapacityUnit-Hrs": { component: "provisioned_replicated_wcu_hour", tableClass: "STANDARD", factor: 1 },
  "IA-ReplWriteCapacityUnit-Hrs": {
    component: "provisioned_replicated_wcu_hour",
    tableClass: "STANDARD_INFREQUENT_ACCESS",
    factor: 1,
  },
  "TimedStorage-ByteHrs": { component: "storage", tableClass: "STANDARD", factor: 1 },
  "IA-TimedStorage-ByteHrs": { component: "storage", tableClass: "STANDARD_INFREQUENT_ACCESS", factor: 1 },
  "TimedPITRStorage-ByteHrs": { component: "pitr_backup_storage", tableClass: "ALL", factor: 1 },
  "TimedBackupStorage-ByteHrs": { component: "ondemand_backup_storage", tableClass: "ALL", factor: 1 },
  "RestoreDataSize-Bytes": { component: "restore", tableClass: "ALL", factor: 1 },
  // AWS names the Streams usage type `Streams-Requests`; some tools call it StreamsReadRequestUnits.
  "Streams-Requests": { component: "streams_read_request_unit", tableClass: "ALL", factor: 1e5 },
  StreamsReadRequestUnits: { component: "streams_read_request_unit", tableClass: "ALL", factor: 1e5 },
};

/**
 * Billing Region prefixes are optional (none means us-east-1) and look like `USW2-`, `EUC1-`, `APS1-`
 * or the odd `EU-` (eu-west-1). `IA-` is not a Region prefix, so a prefix needs a digit unless it is `EU`.
 */
const REGION_PREFIX = /^(?:[A-Z]{2,4}\d|EU)-/;

/** Strips the billing Region prefix from a usage type: `EU-IA-TimedStorage-ByteHrs` -> `IA-TimedStorage-ByteHrs`. */
export function baseUsageType(usageType: string): string {
  return usageType.replace(REGION_PREFIX, "");
}

/** Rounds away binary noise from `raw * 1e6` (AWS publishes up to 10 decimals per unit). */
function toCsvUnits(raw: number, factor: number): number {
  return Number((raw * factor).toPrecision(12));
}

/**
 * Parses one Region's offer file into CSV rows. Takes the paid tier of tiered SKUs (the dimension with
 * the highest `beginRange`) and also records a `_free_tier` row when AWS lists a $0 first tier, as the
 * CSV does. Products it does not price (reserved capacity, data transfer, exports, ...) are skipped.
 */
export function parseDynamoDbOffer(offer: AwsOfferFile, fallbackRegion: string, sourceUrl: string): PriceCsvRow[] {
  const published = (offer.publicationDate ?? "").slice(0, 10);
  const rows: PriceCsvRow[] = [];
  for (const [sku, product] of Object.entries(offer.products ?? {})) {
    const usageType = product.attributes?.usagetype;
    if (!usageType) continue;
    const mapping = USAGE_TYPES[baseUsageType(usageType)];
    if (!mapping) continue;
    const terms = offer.terms?.OnDemand?.[sku];
    if (!terms) continue;
    const dimensions = Object.values(terms).flatMap((term) => Object.values(term.priceDimensions ?? {}));
    const priced = dimensions
      .map((d) => ({ d, usd: Number(d.pricePerUnit?.USD), begin: Number(d.beginRange ?? 0) }))
      .filter((x) => Number.isFinite(x.usd));
    if (priced.length === 0) continue;
    const paid = priced.reduce((best, x) => (x.begin > best.begin ? x : best));
    const region = product.attributes.regionCode ?? fallbackRegion;
    const source = `AWS Price List API ${sourceUrl} (publicationDate ${offer.publicationDate ?? "unknown"}) usagetype=${usageType} rateCode=${paid.d.rateCode} raw=${paid.d.pricePerUnit.USD}`;
    const unit = CSV_UNITS[mapping.component] ?? "";
    rows.push({
      region,
      component: mapping.component,
      tableClass: mapping.tableClass,
      unit,
      usd: toCsvUnits(paid.usd, mapping.factor),
      effectiveDate: `${published} (file publication date)`,
      source,
    });
    const freeTier = priced.find((x) => x !== paid && x.usd === 0 && x.begin === 0);
    if (freeTier && mapping.tableClass !== "STANDARD_INFREQUENT_ACCESS") {
      rows.push({
        region,
        component: `${mapping.component}_free_tier`,
        tableClass: mapping.tableClass,
        unit: `${unit} (free-tier rate up to ${freeTier.d.endRange ?? "?"} ${freeTier.d.unit ?? ""})`.trim(),
        usd: 0,
        effectiveDate: `${published} (file publication date)`,
        source: `AWS Price List API ${sourceUrl} usagetype=${usageType} rateCode=${freeTier.d.rateCode}`,
      });
    }
  }
  return sortRows(rows);
}

/** Stable order: Region, then component, then class, so refreshed files diff cleanly. */
export function sortRows(rows: PriceCsvRow[]): PriceCsvRow[] {
  return rows.sort(
    (a, b) =>
      a.region.localeCompare(b.region) ||
      a.component.localeCompare(b.component) ||
      a.tableClass.localeCompare(b.tableClass),
  );
}

/** The per-Region offer URLs listed in the service Region index (relative URLs resolved against the index). */
export function regionOfferUrls(index: AwsRegionIndex, indexUrl: string): { region: string; url: string }[] {
  return Object.values(index.regions ?? {})
    .map((r) => ({ region: r.regionCode, url: new URL(r.currentVersionUrl, indexUrl).toString() }))
    .sort((a, b) => a.region.localeCompare(b.region));
}
