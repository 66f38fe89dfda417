import type { ChangeFlag } from "@/lib/domain/diff";
import styles from "./request-detail.module.css";

const KIND_LABEL: Record<ChangeFlag["kind"], string> = {
  replacement: "Replaces the table",
  rebuild: "Rebuilds an index",
  protection: "Lowers protection",
};

/**
 * The change-safety flags, loud and first: a replacement loses the table's data, a rebuild takes
 * an index offline for a while, lowered protection removes a safety net. Text labels, not colour alone.
 */
export function ChangeFlags({ flags, from, to }: { flags: ChangeFlag[]; from: number; to: number }) {
  if (flags.length === 0) {
    return (
      <p className={styles.flagsClear} data-testid="change-flags">
        <strong>No change-safety flags</strong> between revision {from} and revision {to}: no table replacement, no
        index rebuild, no lowered protection.
      </p>
    );
  }
  return (
    <section className={styles.flags} aria-labelledby="change-flags-title" data-testid="change-flags">
      <h3 id="change-flags-title" className={styles.flagsTitle}>
        ⚠ {flags.length} change-safety {flags.length === 1 ? "flag" : "flags"} (revision {from} → {to})
      </h3>
      <ul>
        {flags.map((flag) => (
          <li key={`${flag.code}-${flag.path}`} className={styles[`flag-${flag.kind}`]}>
            <strong>{KIND_LABEL[flag.kind]}:</strong> {flag.message} <code>{flag.path}</code>
          </li>
        ))}
      </ul>
    </section>
  );
}
