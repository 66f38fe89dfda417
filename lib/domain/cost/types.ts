import type { Projection, TableClass, Workload } from "../request/schema";

/**
 * Types of the cost estimate. The DR preview and the UI read `regions[].monthlyUsd` and
 * `totalMonthlyUsd` for each Region's share; everything else is detail for people who want to
 * check the working. Money is full precision (no rounding) everywhere in this file's shapes;
 * round only when displaying (see `formatUsd`).
 */

/** Prices of one table class in one Region, in the units of AWS's price file. */
export interface TableClassPrices {
  /** USD per million write request units (on-demand). */
  writeRequestPerMillion: number;
  /** USD per million read request units (on-demand). */
  readRequestPerMillion: number;
  /** USD per million replicated write request units (global tables, on-demand). */
  replicatedWriteRequestPerMillion: number;
  /** USD per provisioned write capacity unit-hour. */
  wcuHour: number;
  /** USD per provisioned read capacity unit-hour. */
  rcuHour: number;
  /** USD per provisioned replicated write capacity unit-hour (global tables). */
  replicatedWcuHour: number;
  /** USD per GB-month of table and index storage. */
  storageGbMonth: number;
}

/** Every price the estimate uses for one Region. */
export interface RegionPrices {
  STANDARD: TableClassPrices;
  STANDARD_INFREQUENT_ACCESS: TableClassPrices;
  /** USD per GB-month of point-in-time recovery storage. */
  pitrGbMonth: number;
  /** USD per GB-month of on-demand backup storage (also our stand-in for AWS Backup warm storage). */
  backupGbMonth: number;
  /** USD per GB restored. */
  restoreGb: number;
  /** USD per 100,000 stream read request units; null where AWS publishes none (il-central-1). */
  streamsReadPer100k: number | null;
}

/** The project's price list: AWS's per-Region DynamoDB prices, as data, with where they came from. */
export interface PriceList {
  /** Where the prices came from (AWS file, commit or API URL). */
  source: string;
  /** Publication date of AWS's price file, YYYY-MM-DD; every estimate carries it as `pricesAsOf`. */
  publicationDate: string;
  currency: "USD";
  regions: Record<string, RegionPrices>;
}

/** Reserved-capacity price of 100 capacity units for one term: a one-time fee plus an hourly rate. */
export interface ReservedPrice {
  upfrontUsd: number;
  hourlyUsd: number;
}

/** Reserved capacity per Region and term (AWS sells it in blocks of 100 RCU or WCU; Standard class, not rWCU). */
export interface ReservedPriceList {
  /** Where the prices come from (file, commit, and what AWS's own price file lacks). */
  source: string;
  regions: Record<string, Partial<Record<"1-year" | "3-year", { rcu: ReservedPrice; wcu: ReservedPrice }>>>;
}

/** What a line item is for; stable codes the UI and tests can key on. */
export type CostComponent =
  | "write-request-units"
  | "read-request-units"
  | "replicated-write-request-units"
  | "write-capacity-units"
  | "read-capacity-units"
  | "replicated-write-capacity-units"
  | "index-write-request-units"
  | "index-write-capacity-units"
  | "index-read-capacity-units"
  | "table-storage"
  | "index-storage"
  | "pitr-storage"
  | "backup-storage"
  | "stream-read-request-units"
  | "replication-data-transfer"
  | "backup-copy-data-transfer";

/** One priced quantity with its working: `monthlyUsd = quantity * unitPriceUsd`. */
export interface CostLineItem {
  component: CostComponent;
  /** Human description, e.g. which index or why this Region pays it. */
  description: string;
  /** Monthly quantity, in `unit`. */
  quantity: number;
  /** e.g. "million WRU", "WCU-hour", "GB-month", "GB". */
  unit: string;
  /** USD per one `unit`. */
  unitPriceUsd: number;
  /** Full precision; not rounded. */
  monthlyUsd: number;
  /** How the quantity was derived, written out for people checking the working. */
  formula: string;
  /** True when the price is our assumption, not AWS's DynamoDB price list (data transfer). */
  isAssumption?: boolean;
}

/** Why a Region appears in the estimate. */
export type RegionRole = "PRIMARY" | "REPLICA" | "WITNESS" | "BACKUP_COPY";

/** One Region's share of the monthly cost. */
export interface RegionCost {
  region: string;
  role?: RegionRole;
  /** Table class this Region's replica uses (absent for witness and backup-copy Regions). */
  tableClass?: TableClass;
  lineItems: CostLineItem[];
  /** Sum of `lineItems[].monthlyUsd`. */
  monthlyUsd: number;
  /** Anything not priced here and why (witness price not published, no Streams price, ...). */
  notes: string[];
}

export type BillingMode = "PAY_PER_REQUEST" | "PROVISIONED";

/** The same workload under another billing mode and/or table class. */
export interface CostAlternative {
  billingMode: BillingMode;
  tableClass: TableClass;
  totalMonthlyUsd: number;
  /** `totalMonthlyUsd` minus the requested configuration's total (negative = cheaper). */
  differenceUsd: number;
  isCurrent: boolean;
  /** False when this configuration's capacity cannot serve the workload's peak (never recommended then). */
  canServeWorkload: boolean;
  /** How PROVISIONED capacity was sized when the request gave none, or why it cannot serve the workload. */
  note?: string;
}

export interface CostAlternatives {
  options: CostAlternative[];
  /** The cheapest option that can serve the workload (the current one on a tie). */
  recommended: { billingMode: BillingMode; tableClass: TableClass; reason: string };
  /** Average utilisation of paid-for capacity above which PROVISIONED beats on-demand (primary Region prices). */
  billingModeBreakEven: {
    region: string;
    tableClass: TableClass;
    writeUtilizationPercent: number;
    readUtilizationPercent: number;
    explanation: string;
  };
  /** Table data size at which Standard-IA and Standard cost the same for this workload. */
  tableClassBreakEven: {
    /** GB of table data (before overhead) above which Standard-IA is cheaper; null when it never is. */
    storageGb: number | null;
    /** Standard storage cost / Standard throughput cost at the break-even point. */
    storageToThroughputCostRatio: number | null;
    explanation: string;
  };
}

export type WorkloadScenario = "low" | "expected" | "high";

/** One table or index and the storage AWS bills for it in one Region. */
export interface BillableStorageEntry {
  kind: "TABLE" | "GSI" | "LSI";
  /** Table name, or the index name. */
  name: string;
  projection?: Projection["type"];
  /** Bytes of each item this table or index stores (item size, or the projected size). */
  bytesPerItem: number;
  /** AWS's per-item storage overhead added to each entry: 100 bytes, 148 on a global table's items. */
  overheadBytesPerItem: number;
  /** GB-month billed in each Region that holds the table. */
  billableGb: number;
  formula: string;
}

/** The workload's data as AWS bills it, per table and index (the same in every replica Region). */
export interface BillableStorage {
  /** How the workload gave its size: `itemCount`, `storageGb` (raw item data), or `none`. */
  source: "itemCount" | "storageGb" | "none";
  /** Items in the table (derived from storageGb / itemSizeBytes when the count was not given). */
  itemCount: number;
  itemSizeBytes: number;
  /** Raw item data, GB of 1,073,741,824 bytes, before overhead and index copies. */
  rawDataGb: number;
  entries: BillableStorageEntry[];
  /** Table plus every index, billed in each Region that holds the table. */
  billableGbPerRegion: number;
  /** Table plus LSIs: what PITR and backups cover. */
  backedUpGbPerRegion: number;
  /** Regions holding a copy (the primary and every replica). */
  regionCount: number;
}

/** Capacity that cannot serve the workload: fixed units or the auto scaling maximum, or an on-demand maximum. */
export interface CapacityShortfall {
  /** Request path of the limit that falls short (e.g. `billing.read.autoscaling.maxCapacity`). */
  path: string;
  /** What falls short, in words ("table read capacity", "GSI by-owner write capacity"). */
  target: string;
  /** Regions where it falls short (reads: each Region its own; writes: every Region). */
  regions: string[];
  unit: "RCU" | "WCU" | "RRU/s" | "WRU/s";
  /** Whether the demand is the workload's average or its stated peak. */
  basis: "average" | "peak";
  /** Units per second the demand needs (in the worst Region). */
  demandUnits: number;
  /** The most the configuration can hold (fixed units, auto scaling maximum or on-demand maximum). */
  capacityUnits: number;
  /** Share of that demand that would be throttled, 0-100. */
  throttledPercent: number;
  /** The capacity (or maximum) that would serve it. */
  neededUnits: number;
  /** Provisioned only: what holding the needed capacity adds per month over what is priced (all Regions). */
  extraMonthlyUsd?: number;
}

/** The same request with one change the generated module cannot express yet: a labelled comparison. */
export interface WhatIfComparison {
  id: string;
  label: string;
  description: string;
  /** Why this is a comparison only: what the Terraform renderer refuses, with its code. */
  notInModule: string;
  totalMonthlyUsd: number;
  /** `totalMonthlyUsd` minus the estimate's total (negative = cheaper). */
  differenceUsd: number;
  /** Regions whose monthly cost changes. */
  regions: { region: string; monthlyUsd: number; differenceUsd: number }[];
}

/** One capacity type (RCU or WCU) of one Region under a reserved-capacity term. */
export interface ReservedCapacityLine {
  region: string;
  unit: "RCU" | "WCU";
  /** Reservable capacity the estimate prices here (standard units, Standard class; not rWCU). */
  provisionedUnits: number;
  /** Reserved in blocks of 100: floor(provisioned / 100) x 100. */
  reservedUnits: number;
  upfrontUsd: number;
  /** Reserved hourly rate plus the unreserved rest at the standard rate, per month. */
  monthlyUsd: number;
  /** The same capacity without a reservation, per month. */
  standardMonthlyUsd: number;
}

/** A 1-year or 3-year reserved-capacity purchase for this table, against standard provisioned prices. */
export interface ReservedCapacityTerm {
  term: "1-year" | "3-year";
  months: number;
  lines: ReservedCapacityLine[];
  upfrontUsd: number;
  /** Monthly charges after the upfront payment. */
  monthlyUsd: number;
  /** `monthlyUsd` + upfront spread over the term. */
  effectiveMonthlyUsd: number;
  /** Standard provisioned price of the same capacity per month. */
  standardMonthlyUsd: number;
  /** `standardMonthlyUsd - effectiveMonthlyUsd` (negative = the reservation costs more). */
  savingPerMonthUsd: number;
  /** Months until the monthly saving has paid back the upfront fee; null when it never does. */
  breakEvenMonths: number | null;
  /** Regions of the table without a published price for this term. */
  unpricedRegions: string[];
}

/** Reserved capacity for a provisioned table: prices, savings and break-even per term. */
export interface ReservedCapacityEstimate {
  /** False for on-demand tables, Standard-IA, or capacity below one 100-unit block. */
  applicable: boolean;
  reason: string;
  terms: ReservedCapacityTerm[];
  /**
   * Per Region and unit, the average use of a reserved 100-unit block above which reserving is
   * cheaper than standard provisioned capacity: (upfront / term hours + hourly) / (100 x standard hourly).
   */
  breakEvenUtilization: { region: string; unit: "RCU" | "WCU"; term: "1-year" | "3-year"; percent: number }[];
  source: string;
  notes: string[];
}

/** One month of the 12-month projection (month 1 is the estimate as it stands). */
export interface ProjectionMonth {
  month: number;
  /** Raw item data this month: storage + (month - 1) x monthlyGrowthGb. */
  rawDataGb: number;
  /** Table and index storage billed in each replica Region this month. */
  billableGbPerRegion: number;
  totalMonthlyUsd: number;
  /** Sum of `totalMonthlyUsd` from month 1 to this one. */
  cumulativeUsd: number;
  regions: { region: string; role?: RegionRole; monthlyUsd: number }[];
}

/** The estimate for one request. */
export interface CostEstimate {
  currency: "USD";
  /** Publication date of the prices used (YYYY-MM-DD). */
  pricesAsOf: string;
  priceSource: string;
  billingMode: BillingMode;
  tableClass: TableClass;
  /** "request" when the request described its workload; otherwise the tier default scenario shown. */
  workloadSource: "request" | "tier-default";
  scenario: "request" | WorkloadScenario;
  /** The workload the line items price. */
  workload: Workload;
  regions: RegionCost[];
  /** Sum of `regions[].monthlyUsd`. */
  totalMonthlyUsd: number;
  /** Present when the workload came from the tier: totals of the low / expected / high scenarios. */
  range?: { low: number; expected: number; high: number };
  alternatives: CostAlternatives;
  /** Billable storage per table and index, from the workload's item count or raw data size. */
  storage: BillableStorage;
  /** Capacity that cannot serve the workload's average or peak demand; empty when it can. */
  capacityShortfalls: CapacityShortfall[];
  /** Labelled comparisons for changes the module cannot express yet (per-replica Standard-IA, replica read capacity). */
  whatIf: WhatIfComparison[];
  /** Reserved capacity 1-year and 3-year, for PROVISIONED tables. */
  reservedCapacity?: ReservedCapacityEstimate;
  /** 12 monthly entries: storage grows by monthlyGrowthGb, and PITR and backups with it. */
  projection: ProjectionMonth[];
  assumptions: string[];
  /** Things the user should look at: under-provisioned capacity, unpriced Regions. */
  warnings: string[];
}

/** Options for `estimateCost`. */
export interface EstimateOptions {
  /** Cross-Region data transfer rate in USD per GB (not in AWS's DynamoDB price list). Default 0.02. */
  dataTransferUsdPerGb?: number;
  /** Which tier-default scenario's line items to return when the request has no workload. Default "expected". */
  workloadScenario?: WorkloadScenario;
  /** Tier defaults to use when the request has no workload (from the tier policy). */
  defaultWorkload?: Record<WorkloadScenario, Workload>;
  /** Reserved-capacity prices; default: the project's `prices/dynamodb-reserved-capacity.csv`. */
  reservedPrices?: ReservedPriceList;
}
