import { type DrPreview, type DrRegion, ROLE_LABELS } from "@/lib/domain/dr";
import styles from "./dr-diagram.module.css";
import { formatShare, formatUsd, idFrom } from "./format";

type HeadingLevel = 2 | 3 | 4;

export interface DrRegionCardsProps {
  preview: DrPreview;
  /** Level of each card's heading; its sections use the next level. Default 3. */
  headingLevel?: HeadingLevel;
  className?: string;
}

/**
 * One card per Region of a DR preview: role, data held, traffic, RPO and RTO with their AWS
 * basis, what happens when the Region fails (with the runbook), cost share and warnings.
 * Plain headings and lists, so the page outline and screen readers follow the structure.
 */
export function DrRegionCards({ preview, headingLevel = 3, className }: DrRegionCardsProps) {
  return (
    <ul className={[styles.cards, className].filter(Boolean).join(" ")} aria-label="Regions">
      {preview.regions.map((region) => (
        <li key={region.region} className={styles.card} data-region={region.region} data-role={region.role}>
          <DrRegionCard region={region} level={headingLevel} />
        </li>
      ))}
    </ul>
  );
}

function DrRegionCard({ region, level }: { region: DrRegion; level: HeadingLevel }) {
  const Heading = `h${level}` as "h3";
  const SubHeading = `h${level + 1}` as "h4";
  const headingId = idFrom("dr-card", region.region);
  return (
    <article aria-labelledby={headingId}>
      <Heading id={headingId} className={styles.cardTitle}>
        <span className={styles.roleBadge}>{ROLE_LABELS[region.role]}</span> {region.region}{" "}
        <span className={styles.muted}>{region.regionName}</span>
      </Heading>
      <dl className={styles.facts}>
        <dt>Holds</dt>
        <dd>{region.holds}</dd>
        <dt>Traffic</dt>
        <dd>{trafficOf(region)}</dd>
        <dt>RPO if lost</dt>
        <dd>
          {region.rpo.value}
          <span className={styles.basis}>Basis: {region.rpo.basis}</span>
        </dd>
        <dt>RTO if lost</dt>
        <dd>
          {region.rto.value}
          <span className={styles.basis}>Basis: {region.rto.basis}</span>
        </dd>
        <dt>Monthly cost</dt>
        <dd>
          {region.monthlyCostUsd === undefined
            ? "Not in the estimate"
            : `${formatUsd(region.monthlyCostUsd)}${region.costShare === undefined ? "" : ` (${formatShare(region.costShare)} of the total)`}`}
          {region.costNotes?.map((note) => (
            <span key={note} className={styles.basis}>
              {note}
            </span>
          ))}
        </dd>
      </dl>
      <SubHeading className={styles.subHeading}>If this Region fails</SubHeading>
      <dl className={styles.facts}>
        <dt>What</dt>
        <dd>{region.failover.what}</dd>
        <dt>How</dt>
        <dd>{region.failover.how}</dd>
        <dt>Who</dt>
        <dd>{region.failover.who}</dd>
      </dl>
      <ol className={styles.runbook} aria-label={`Runbook for ${region.region}`}>
        {region.failover.runbook.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
      {region.warnings.length > 0 && (
        <>
          <SubHeading className={styles.subHeading}>Warnings</SubHeading>
          <ul className={styles.warnings}>
            {region.warnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        </>
      )}
    </article>
  );
}

function trafficOf(region: DrRegion): string {
  if (region.takesReads && region.takesWrites) return "Takes reads and writes";
  if (region.takesReads) return "Takes reads only";
  if (region.takesWrites) return "Takes writes only";
  return "Takes no application traffic";
}
