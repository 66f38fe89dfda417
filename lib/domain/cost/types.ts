import type { TableClass, Workload } from "../request/schema";

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
  /** How PROVISIONED capacity was sized when the request gave none. */
  note?: string;
}

export interface CostAlternatives {
  options: CostAlternative[];
  /** The cheapest option (the current one on a tie). */
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
}
