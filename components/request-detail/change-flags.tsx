import type { ChangeFlag, ChangeSafety } from "@/lib/domain/diff";
import { labelRequestPath } from "@/lib/domain/labels/field-labels";
import styles from "./request-detail.module.css";

const KIND_LABEL: Record<ChangeFlag["kind"], string> = {
  replacement: "Replaces the table",
  rebuild: "Rebuilds an index",
  protection: "Lowers protection",
};

function baselineText(safety: ChangeSafety): string {
  switch (safety.baseline.kind) {
    case "approved":
      return `against revision ${safety.baseline.revision}, the approved one (what is or will be live)`;
    case "imported":
      return `against the existing table as it was imported (revision ${safety.baseline.revision})`;
    case "managed":
      return `against the managed table's approved definition (${safety.baseline.definedBy.replace("@", " revision ")}, what exists)`;
    case "none":
      return "";
  }
}

/**
 * The change-safety flags of the current revision, loud and first, measured against what is or
 * will be live: before any approval a new table does not exist yet, so nothing
 * can be replaced or rebuilt, and the panel says that instead of comparing two drafts. A
 * replacement loses the table's data, a rebuild takes an index offline, lowered protection
 * removes a safety net. Text labels, not colour alone.
 */
export function ChangeFlags({ safety, headingLevel = 3 }: { safety: ChangeSafety; headingLevel?: 3 | 4 }) {
  const Heading = `h${headingLevel}` as "h3";
  if (safety.baseline.kind === "none") {
    return (
      <p className={styles.flagsNew} data-testid="change-flags" data-baseline="none">
        <strong>Not created yet:</strong> no revision of this request has been approved, so no table exists and nothing
        can be replaced, rebuilt or lose protection. Revision {safety.revision} creates a new table.
      </p>
    );
  }
  const { flags } = safety;
  if (flags.length === 0) {
    return (
      <p className={styles.flagsClear} data-testid="change-flags" data-baseline={safety.baseline.kind}>
        <strong>No change-safety flags</strong> for revision {safety.revision} {baselineText(safety)}: no table
        replacement, no index rebuild, no lowered protection.
      </p>
    );
  }
  return (
    <section
      className={styles.flags}
      aria-labelledby="change-flags-title"
      data-testid="change-flags"
      data-baseline={safety.baseline.kind}
    >
      <Heading id="change-flags-title" className={styles.flagsTitle}>
        ⚠ {flags.length} change-safety {flags.length === 1 ? "flag" : "flags"} for revision {safety.revision}
      </Heading>
      <p className={styles.small}>Measured {baselineText(safety)}.</p>
      <ul>
        {flags.map((flag) => (
          <li key={`${flag.code}-${flag.path}`} className={styles[`flag-${flag.kind}`]}>
            <strong>{KIND_LABEL[flag.kind]}:</strong> {flag.message}{" "}
            <span className={styles.muted}>({labelRequestPath(flag.path)})</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
