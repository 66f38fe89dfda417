import type { Projection } from "../../request/schema";
import type { RuleContext } from "./context";

export const MAX_GSIS = 20;
export const MAX_LSIS = 5;
export const MAX_NON_KEY_ATTRIBUTES_PER_INDEX = 20;
export const MAX_NON_KEY_ATTRIBUTES_TOTAL = 100;
export const NON_KEY_NAME_MAX_LENGTH = 255;

/** Index counts, LSI prerequisites and projections (per index and the 100-name total). */
export function checkIndexes({ request, report }: RuleContext): void {
  const gsis = request.globalSecondaryIndexes;
  const lsis = request.localSecondaryIndexes;
  if (gsis.length > MAX_GSIS) {
    report.add(
      "GSI_LIMIT_EXCEEDED",
      ["globalSecondaryIndexes"],
      `${gsis.length} GSIs; the default quota is ${MAX_GSIS} per table (ask AWS to raise it first).`,
    );
  }
  if (lsis.length > MAX_LSIS) {
    report.add(
      "LSI_LIMIT_EXCEEDED",
      ["localSecondaryIndexes"],
      `${lsis.length} LSIs; a table can have at most ${MAX_LSIS}.`,
    );
  }
  if (lsis.length > 0 && !request.sortKey) {
    report.add(
      "LSI_REQUIRES_TABLE_SORT_KEY",
      ["localSecondaryIndexes"],
      "LSIs need a table with a sort key; add sortKey or use a GSI.",
    );
  }

  let total = 0;
  let totalReported = false;
  const checkProjection = (projection: Projection, base: (string | number)[]) => {
    const names = projection.nonKeyAttributes ?? [];
    const path = [...base, "projection", "nonKeyAttributes"];
    if (projection.type !== "INCLUDE") {
      if (names.length > 0) {
        report.add(
          "PROJECTION_NON_KEY_ATTRIBUTES_NOT_ALLOWED",
          path,
          `nonKeyAttributes only apply to projection INCLUDE, not ${projection.type}.`,
        );
      }
      return;
    }
    if (names.length === 0) {
      report.add("PROJECTION_NON_KEY_ATTRIBUTES_REQUIRED", path, "Projection INCLUDE needs 1-20 nonKeyAttributes.");
      return;
    }
    if (names.length > MAX_NON_KEY_ATTRIBUTES_PER_INDEX) {
      report.add(
        "PROJECTION_NON_KEY_ATTRIBUTES_LIMIT",
        path,
        `${names.length} non-key attributes; an index can project at most ${MAX_NON_KEY_ATTRIBUTES_PER_INDEX}.`,
      );
    }
    const seen = new Set<string>();
    names.forEach((name, j) => {
      if (name.length < 1 || name.length > NON_KEY_NAME_MAX_LENGTH) {
        report.add(
          "NON_KEY_ATTRIBUTE_NAME_LENGTH",
          [...path, j],
          `Non-key attribute names must be 1-${NON_KEY_NAME_MAX_LENGTH} characters; this one has ${name.length}.`,
        );
      }
      if (seen.has(name)) {
        report.add("NON_KEY_ATTRIBUTE_DUPLICATE", [...path, j], `"${name}" is listed twice in this index.`);
      }
      seen.add(name);
    });
    total += names.length;
    if (total > MAX_NON_KEY_ATTRIBUTES_TOTAL && !totalReported) {
      totalReported = true;
      report.add(
        "PROJECTION_NON_KEY_ATTRIBUTES_TOTAL",
        path,
        `With this index the table projects ${total} non-key attributes across its indexes; AWS allows ${MAX_NON_KEY_ATTRIBUTES_TOTAL} in total (a name in two indexes counts twice).`,
      );
    }
  };
  gsis.forEach((gsi, i) => {
    checkProjection(gsi.projection, ["globalSecondaryIndexes", i]);
  });
  lsis.forEach((lsi, i) => {
    checkProjection(lsi.projection, ["localSecondaryIndexes", i]);
  });
}
