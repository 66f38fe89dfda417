import type { DrPreview } from "@/lib/domain/dr";
import { labelRequestPath } from "@/lib/domain/labels/field-labels";
import { DrDiagram } from "./dr-diagram";
import styles from "./dr-diagram.module.css";
import { DrRegionCards } from "./dr-region-cards";

export interface DrPreviewViewProps {
  preview: DrPreview;
  /** Level of the pattern heading; Region cards use the next one. Default 2. */
  headingLevel?: 2 | 3;
}

/** The whole preview: pattern, objectives and issues, then the diagram with the Region cards beside it. */
export function DrPreviewView({ preview, headingLevel = 2 }: DrPreviewViewProps) {
  const Heading = `h${headingLevel}` as "h2";
  return (
    <section className={styles.view} aria-label="Disaster recovery preview">
      <header className={styles.header}>
        <Heading className={styles.patternTitle}>
          {preview.name}{" "}
          <span className={styles.muted}>
            (
            {preview.derived
              ? "derived from the request"
              : preview.chosenPattern
                ? "what the request builds, not the pattern chosen"
                : "chosen by the requester"}
            )
          </span>
        </Heading>
        <p>{preview.summary}</p>
        <dl className={styles.objectives}>
          <dt>RPO</dt>
          <dd>
            {preview.rpo.value}
            <span className={styles.basis}>Basis: {preview.rpo.basis}</span>
          </dd>
          <dt>RTO</dt>
          <dd>
            {preview.rto.value}
            <span className={styles.basis}>Basis: {preview.rto.basis}</span>
          </dd>
        </dl>
        {preview.issues.length > 0 && (
          <ul className={styles.issues} aria-label="DR issues">
            {preview.issues.map((issue) => (
              <li
                key={`${issue.code}-${issue.path}`}
                className={issue.severity === "error" ? styles.error : styles.warning}
              >
                <strong>{issue.severity === "error" ? "Error" : "Warning"}:</strong> {issue.message}{" "}
                <span title={issue.path}>({labelRequestPath(issue.path)})</span>
              </li>
            ))}
          </ul>
        )}
      </header>
      <div className={styles.layout}>
        <DrDiagram preview={preview} />
        <DrRegionCards preview={preview} headingLevel={(headingLevel + 1) as 3 | 4} />
      </div>
    </section>
  );
}
