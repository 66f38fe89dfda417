import type { AttestationFinding, FindingCode } from "./schema";

/** How a planned or approved value reads for people ("on", "not set", "a, b"). */
export function describeValue(value: unknown): string {
  if (value === undefined || value === null || value === "") return "not set";
  if (value === true) return "on";
  if (value === false) return "off";
  if (Array.isArray(value)) return value.length === 0 ? "none" : value.map(describeValue).join(", ");
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>);
    return entries.length === 0 ? "none" : entries.map(([k, v]) => `${k}=${describeValue(v)}`).join(", ");
  }
  return String(value);
}

const canonical = (value: unknown): string =>
  JSON.stringify(value, (_k, v) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  ) ?? "null";

/** Collects findings; `compare` records a mismatch (or an unknown value) between approval and plan. */
export class FindingList {
  readonly items: AttestationFinding[] = [];

  add(path: string, code: FindingCode, message: string, expected?: unknown, actual?: unknown): void {
    this.items.push({
      path,
      code,
      message,
      ...(expected !== undefined ? { expected: describeValue(expected) } : {}),
      ...(actual !== undefined ? { actual: describeValue(actual) } : {}),
    });
  }

  /**
   * `what` names the setting for people ("Billing mode"). `isUnknown` says Terraform will only know
   * the value after apply: an approved module sets every attested value to a constant, so an
   * unknown one means the configuration was changed to compute it.
   */
  compare(
    path: string,
    what: string,
    expected: unknown,
    actual: unknown,
    options: { isUnknown?: boolean; show?: (v: unknown) => unknown } = {},
  ): void {
    const show = options.show ?? ((v: unknown) => v);
    if (options.isUnknown) {
      this.add(
        path,
        "ATTRIBUTE_UNKNOWN",
        `${what} is only known after apply in the plan, so it cannot be matched with the approved value.`,
        show(expected),
        "known after apply",
      );
      return;
    }
    if (canonical(normalise(expected)) === canonical(normalise(actual))) return;
    this.add(
      path,
      "ATTRIBUTE_MISMATCH",
      `${what} in the plan differs from the approved revision.`,
      show(expected),
      show(actual),
    );
  }
}

/** null, undefined, "" and empty lists or maps mean "not set" in a plan; sort plain string lists, whose order means nothing here. */
function normalise(value: unknown): unknown {
  if (value === null || value === undefined || value === "") return null;
  if (Array.isArray(value) && value.length === 0) return null;
  if (typeof value === "object" && Object.keys(value).length === 0) return null;
  if (Array.isArray(value) && value.every((v) => typeof v === "string")) return [...value].sort();
  return value;
}

/**
 * The plan as canonical JSON (object keys sorted, no whitespace), whose SHA-256 identifies a posted
 * plan: the same plan posted twice, however it was formatted, is the same attestation.
 * `jq -cS . plan.json` gives the same text for plans Terraform wrote.
 */
export function canonicalPlanJson(plan: unknown): string {
  return canonical(plan);
}
