const USD = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 2 });

/** "$1,234.56" in a fixed locale, so server and browser render the same text. */
export function formatUsd(value: number): string {
  return USD.format(value);
}

/** A cost share as a whole percentage; tiny non-zero shares read "<1%" rather than "0%". */
export function formatShare(share: number): string {
  if (share > 0 && share < 0.005) return "<1%";
  return `${Math.round(share * 100)}%`;
}

/** Element ids built from data, safe for `id` and `aria-labelledby`. */
export function idFrom(...parts: string[]): string {
  return parts
    .join("-")
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, "-");
}
