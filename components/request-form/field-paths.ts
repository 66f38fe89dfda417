import { type PathSegment, parseIssuePath } from "@/lib/domain/validation/paths";
import type { RequestFormValues } from "./form-schema";

/** The DOM id of the control (or section) for a form field name such as `globalSecondaryIndexes.0.name`. */
export function fieldId(name: string): string {
  return `field-${name.replace(/[^A-Za-z0-9_-]/g, "-")}`;
}

/**
 * Where an issue's request path (`globalSecondaryIndexes[0].capacity.read.units`, `tags.Team`, or
 * the API's `request.`-prefixed form) lives in the form (`globalSecondaryIndexes.0.read.units`,
 * `tags.2.value`). The form mirrors the request except for tags (rows), on-demand maximums (flat)
 * and GSI capacity (no `capacity` level), so only those need rewriting.
 */
export function toFormPath(issuePath: string, values: Pick<RequestFormValues, "tags">, code = ""): string {
  const path = issuePath.startsWith("request.") ? issuePath.slice("request.".length) : issuePath;
  if (path === "request") return "";
  const segments = parseIssuePath(path);
  if (!segments) return path;
  // A field the request format does not know has no control: its finding belongs to the object holding it.
  if (code === "SCHEMA_UNKNOWN_FIELD") segments.pop();
  const out: PathSegment[] = [];
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i] as PathSegment;
    const previous = segments[i - 1];
    if (segment === "onDemandThroughput" && previous === "billing") continue;
    if (segment === "capacity" && segments[0] === "globalSecondaryIndexes" && i === 2) continue;
    if (typeof segment === "number" && previous === "nonKeyAttributes") break;
    if (previous === "tags" && i === 1) {
      const row = values.tags.findIndex((t) => t.key === String(segment));
      if (row < 0) break;
      out.push(row, code.startsWith("TAG_KEY") || code === "TAG_RESERVED_PREFIX" ? "key" : "value");
      break;
    }
    out.push(segment);
  }
  return out.join(".");
}
