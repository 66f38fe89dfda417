import { formatNumber } from "@/lib/domain/cost/format";

/** GB for people: two decimals below 100, whole numbers above (the data keeps full precision). */
export function formatGb(n: number): string {
  return formatNumber(n >= 100 ? Math.round(n) : Math.round(n * 100) / 100);
}
