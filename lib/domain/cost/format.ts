/** Number formatting for formulas and display. Money is never rounded in data, only here. */

/** 2628000 -> "2,628,000"; 0.123456789 -> "0.123457". Used inside formula strings. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value)) return value > -1000 && value < 1000 ? String(value) : groupThousands(String(value));
  const abs = Math.abs(value);
  if (abs >= 1000) return groupThousands(value.toFixed(2));
  return String(Number(value.toPrecision(6)));
}

// A plain loop: this runs hundreds of times per estimate, and the regex version dominated the profile.
function groupThousands(text: string): string {
  const dot = text.indexOf(".");
  const whole = dot < 0 ? text : text.slice(0, dot);
  const sign = whole.startsWith("-") ? "-" : "";
  const digits = sign ? whole.slice(1) : whole;
  let grouped = "";
  for (let end = digits.length; end > 0; end -= 3) {
    const start = Math.max(0, end - 3);
    grouped = grouped ? `${digits.slice(start, end)},${grouped}` : digits.slice(start, end);
  }
  return sign + grouped + (dot < 0 ? "" : text.slice(dot));
}

/** A percentage people read: at most one decimal ("33.3%", never "33.3333%"). */
export function formatPercent(percent: number): string {
  return `${formatNumber(Number(percent.toFixed(1)))}%`;
}

/** A price as AWS publishes it ("$0.00065"), no rounding. */
export function formatPrice(usd: number): string {
  return `$${String(usd)}`;
}

/** Money for display: cents, with thousands separators ("$1,234.57"). */
export function formatUsd(usd: number): string {
  const sign = usd < 0 ? "-" : "";
  return `${sign}$${groupThousands(Math.abs(usd).toFixed(2))}`;
}

/** Rounds to cents for display and tests; the engine never calls it on stored amounts. */
export function roundToCents(usd: number): number {
  return Math.round((usd + Number.EPSILON) * 100) / 100;
}
