import { backupsPerDay } from "../backup-schedule";
import { formatNumber, formatPrice } from "../format";
import { findRegionPrices } from "../price-list";
import type { PriceList, RegionCost } from "../types";
import { DAYS_PER_MONTH } from "../units";
import type { LineTemplate, PricingInput } from "./line-template";

/**
 * AWS Backup: full copies of the table and LSI data, stored in the primary Region (warm storage,
 * approximated by DynamoDB's on-demand backup price, which is in AWS's price list), and copied to
 * the copy Region at the assumed transfer rate.
 */
export function buildBackupLines(input: PricingInput, notes: string[]): LineTemplate[] {
  const { request, detail, f, storage, transferUsdPerGb } = input;
  const backup = request.backup;
  if (!backup?.enabled) return [];
  const frequency = backupsPerDay(backup.schedule);
  if (frequency.assumedDaily)
    notes.push(`Backup schedule "${backup.schedule}" not understood; priced as one backup a day.`);
  const sourceGb = storage.backedUpGbPerRegion;
  const gb = frequency.perDay * backup.retentionDays * sourceGb;
  const lines: LineTemplate[] = [
    {
      component: "backup-storage",
      quantity: gb,
      unit: "GB-month",
      regionKey: "backupGbMonth",
      group: "other",
      description:
        "AWS Backup warm storage of full table backups (approximated by DynamoDB's on-demand backup price in AWS's price list)",
      formula: detail
        ? `${f(frequency.perDay)} backup(s)/day x ${f(backup.retentionDays)} days retained x ${f(sourceGb)} GB = ${f(gb)} GB`
        : "",
    },
  ];
  if (backup.copyRegion) {
    const copiedGb = frequency.perDay * DAYS_PER_MONTH * sourceGb;
    lines.push({
      component: "backup-copy-data-transfer",
      quantity: copiedGb,
      unit: "GB",
      fixedPrice: transferUsdPerGb,
      isAssumption: true,
      group: "other",
      description: detail
        ? `Cross-Region copy of each backup to ${backup.copyRegion}. Not in AWS's DynamoDB price list: assumed ${formatPrice(transferUsdPerGb)}/GB`
        : "",
      formula: detail
        ? `${f(frequency.perDay)} backup(s)/day x ${f(DAYS_PER_MONTH)} days x ${f(sourceGb)} GB = ${f(copiedGb)} GB`
        : "",
    });
  }
  return lines;
}

/** The backup copy Region stores the copies; it may also hold a replica, in which case the line joins that Region. */
export function addBackupCopyRegion(
  out: RegionCost[],
  input: PricingInput,
  priceList: PriceList,
  warnings: string[],
): void {
  const backup = input.request.backup;
  if (!backup?.enabled || !backup.copyRegion) return;
  const copyRegion = backup.copyRegion;
  let entry = out.find((r) => r.region === copyRegion);
  if (!entry) {
    entry = { region: copyRegion, role: "BACKUP_COPY", lineItems: [], monthlyUsd: 0, notes: [] };
    out.push(entry);
  }
  const prices = findRegionPrices(priceList, copyRegion);
  if (!prices) {
    entry.notes.push(`No prices for ${copyRegion}; backup copies are not priced.`);
    warnings.push(`No DynamoDB prices for ${copyRegion} in the price list; backup copies there are not priced.`);
    return;
  }
  const frequency = backupsPerDay(backup.schedule);
  const days = backup.copyRetentionDays ?? backup.retentionDays;
  const sourceGb = input.storage.backedUpGbPerRegion;
  const gb = frequency.perDay * days * sourceGb;
  const monthlyUsd = gb * prices.backupGbMonth;
  entry.monthlyUsd += monthlyUsd;
  if (!input.detail) return;
  entry.lineItems.push({
    component: "backup-storage",
    description: `AWS Backup copies kept in ${copyRegion} (warm storage approximated by DynamoDB's on-demand backup price in AWS's price list)`,
    quantity: gb,
    unit: "GB-month",
    unitPriceUsd: prices.backupGbMonth,
    monthlyUsd,
    formula: `${formatNumber(frequency.perDay)} backup(s)/day x ${formatNumber(days)} days retained x ${formatNumber(sourceGb)} GB = ${formatNumber(gb)} GB`,
  });
}
