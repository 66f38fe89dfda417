import { DrDiagram, DrRegionCards } from "@/components/dr-diagram";
import type { DrPreview } from "@/lib/domain/dr";
import { humanizeIssueMessage } from "@/lib/domain/validation/human-message";
import styles from "./live-panel.module.css";

/**
 * The DR preview laid out for a narrow side panel: DrPreviewView puts the diagram and the cards
 * side by side, which leaves each about 200 px here, so this stacks the same parts instead.
 */
export function DrPanel({ preview }: { preview: DrPreview }) {
  return (
    <section className={styles.dr} aria-label="Disaster recovery preview">
      <h3 className={styles.drTitle}>
        {preview.name}{" "}
        <span className={styles.drMuted}>
          ({preview.derived ? "derived from the request" : "chosen by the requester"})
        </span>
      </h3>
      <p className={styles.drSummary}>{preview.summary}</p>
      <dl className={styles.objectives}>
        <dt>RPO</dt>
        <dd>
          {preview.rpo.value}
          <span className={styles.basis}>{preview.rpo.basis}</span>
        </dd>
        <dt>RTO</dt>
        <dd>
          {preview.rto.value}
          <span className={styles.basis}>{preview.rto.basis}</span>
        </dd>
      </dl>
      {preview.issues.length > 0 && (
        <ul className={styles.checks} aria-label="DR issues">
          {preview.issues.map((issue) => (
            <li key={`${issue.code}-${issue.path}`} className={styles[issue.severity]}>
              <strong>{issue.severity === "error" ? "Error" : "Warning"}:</strong> {humanizeIssueMessage(issue.message)}
            </li>
          ))}
        </ul>
      )}
      <div className={styles.drDiagram}>
        <DrDiagram preview={preview} id="panel-dr" />
      </div>
      <DrRegionCards preview={preview} headingLevel={4} />
    </section>
  );
}
