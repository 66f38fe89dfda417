import { DataTable } from "@/components/ui/data-table";
import { formatUsd } from "@/lib/domain/cost/format";
import type { ProjectionMonth } from "@/lib/domain/cost/types";
import styles from "./cost-panel.module.css";
import { formatGb as gb } from "./format-gb";

// Drawn in a 360-unit-wide box with 14-unit text, so labels stay at least 12 px tall when the
// chart is squeezed into a 390 px screen; CSS caps its width on wide screens.
const WIDTH = 360;
const HEIGHT = 170;
const TOP = 22;
const BOTTOM = 26;
const LEFT = 4;
const GAP = 6;

/**
 * The 12-month projection as bars (one per month), with everything the bars say also in words:
 * a caption for the trend and a table of every month (total, data size, per Region). The SVG is
 * decorative for assistive technology (the caption names it); the table is the text alternative.
 */
export function ProjectionChart({
  projection,
  idPrefix = "projection",
}: {
  projection: ProjectionMonth[];
  idPrefix?: string;
}) {
  if (projection.length === 0) return null;
  const first = projection[0] as ProjectionMonth;
  const last = projection[projection.length - 1] as ProjectionMonth;
  const max = Math.max(...projection.map((m) => m.totalMonthlyUsd), 0.01);
  const barWidth = (WIDTH - LEFT * 2 - GAP * (projection.length - 1)) / projection.length;
  const plot = HEIGHT - TOP - BOTTOM;
  const captionId = `${idPrefix}-caption`;
  const regions = first.regions.map((r) => r.region);
  const grows = last.totalMonthlyUsd - first.totalMonthlyUsd > 0.005;
  return (
    <figure className={styles.projection} aria-labelledby={captionId} data-testid="cost-projection">
      <figcaption id={captionId} className={styles.projectionCaption}>
        <strong>Next 12 months:</strong> {formatUsd(first.totalMonthlyUsd)} in month 1
        {grows
          ? `, rising to ${formatUsd(last.totalMonthlyUsd)} in month 12 as the data grows`
          : ", flat (no data growth given)"}
        ; {formatUsd(last.cumulativeUsd)} over the year. Data: {gb(first.rawDataGb)} GB
        {grows ? ` to ${gb(last.rawDataGb)} GB` : ""} of items.
      </figcaption>
      <svg
        className={styles.projectionChart}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        aria-hidden="true"
        focusable="false"
        data-testid="cost-projection-chart"
      >
        {projection.map((m, i) => {
          const h = Math.max(1, (m.totalMonthlyUsd / max) * plot);
          const x = LEFT + i * (barWidth + GAP);
          return (
            <g key={m.month}>
              <rect
                x={x}
                y={TOP + plot - h}
                width={barWidth}
                height={h}
                rx={2}
                className={i === 0 ? styles.barPrimary : styles.bar}
              />
              <text x={x + barWidth / 2} y={HEIGHT - 8} textAnchor="middle" className={styles.projectionAxis}>
                {m.month}
              </text>
            </g>
          );
        })}
        <text x={LEFT} y={14} className={styles.projectionValue}>
          {formatUsd(max)}
        </text>
      </svg>
      <details className={styles.projectionDetails}>
        <summary>Month by month</summary>
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus to be scrolled by keyboard */}
        <section className={styles.tableScroll} tabIndex={0} aria-label="12-month projection table">
          <DataTable
            caption="Projected monthly cost for the next 12 months"
            className={styles.lineItems}
            columns={[
              "Month",
              ...["Data (GB)", ...(regions.length > 1 ? regions : []), "Monthly", "Cumulative"].map((label) => ({
                label,
                className: styles.num,
              })),
            ]}
          >
            {projection.map((m) => (
              <tr key={m.month}>
                <th scope="row">{m.month}</th>
                <td className={styles.num}>{gb(m.rawDataGb)}</td>
                {regions.length > 1 &&
                  m.regions.map((r) => (
                    <td key={`${r.region}-${r.role ?? ""}`} className={styles.num}>
                      {formatUsd(r.monthlyUsd)}
                    </td>
                  ))}
                <td className={styles.num}>{formatUsd(m.totalMonthlyUsd)}</td>
                <td className={styles.num}>{formatUsd(m.cumulativeUsd)}</td>
              </tr>
            ))}
          </DataTable>
        </section>
      </details>
    </figure>
  );
}
