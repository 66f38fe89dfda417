import { formatUsd } from "@/lib/domain/cost/format";
import type { WhatIfComparison } from "@/lib/domain/cost/types";
import styles from "./cost-panel.module.css";

/** Comparisons the module cannot render yet, clearly apart from the estimate. */
export function WhatIfList({ whatIf }: { whatIf: WhatIfComparison[] }) {
  if (whatIf.length === 0) return null;
  return (
    <section aria-labelledby="what-if-heading" data-testid="cost-what-if">
      <h3 id="what-if-heading" className={styles.heading}>
        What if (comparison only, not in the module)
      </h3>
      <ul className={styles.whatIf}>
        {whatIf.map((w) => (
          <li key={w.id}>
            <p className={styles.whatIfHead}>
              <strong>{w.label}</strong>
              <span className={styles.amount}>
                {formatUsd(w.totalMonthlyUsd)}{" "}
                <span className={w.differenceUsd < 0 ? styles.saving : styles.muted}>
                  ({w.differenceUsd > 0 ? "+" : ""}
                  {formatUsd(w.differenceUsd)})
                </span>
              </span>
            </p>
            <p className={styles.muted}>{w.description}</p>
            <p className={styles.notInModule}>{w.notInModule}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
