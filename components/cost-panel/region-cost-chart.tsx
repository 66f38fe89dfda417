import { formatUsd } from "@/lib/domain/cost/format";
import type { RegionCost } from "@/lib/domain/cost/types";
import styles from "./cost-panel.module.css";

const BAR_HEIGHT = 22;
const GAP = 10;
const LABEL_WIDTH = 150;
const VALUE_WIDTH = 80;
const WIDTH = 440;

function roleLabel(region: RegionCost): string {
  if (!region.role) return "";
  return region.role === "BACKUP_COPY" ? "backup copy" : region.role.toLowerCase();
}

/**
 * Monthly cost per Region as horizontal bars. Drawn in SVG with a text alternative (the same
 * numbers are in the table below), and scaled to the dearest Region so small ones stay visible.
 */
export function RegionCostChart({ regions }: { regions: RegionCost[] }) {
  const max = Math.max(...regions.map((r) => r.monthlyUsd), 0.01);
  const height = regions.length * (BAR_HEIGHT + GAP) + GAP;
  const barSpace = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  const description = regions
    .map((r) => `${r.region} ${roleLabel(r)}: ${formatUsd(r.monthlyUsd)} per month`)
    .join("; ");
  return (
    <svg
      className={styles.chart}
      viewBox={`0 0 ${WIDTH} ${height}`}
      role="img"
      aria-label={`Monthly cost per Region. ${description}`}
      data-testid="region-cost-chart"
    >
      {regions.map((region, i) => {
        const y = GAP + i * (BAR_HEIGHT + GAP);
        const width = Math.max(2, (region.monthlyUsd / max) * barSpace);
        return (
          <g key={`${region.region}-${region.role ?? ""}`}>
            <text x={0} y={y + BAR_HEIGHT / 2} dominantBaseline="middle" className={styles.chartLabel}>
              {region.region}
              <tspan className={styles.chartRole}> {roleLabel(region)}</tspan>
            </text>
            <rect
              x={LABEL_WIDTH}
              y={y}
              width={width}
              height={BAR_HEIGHT}
              rx={3}
              className={region.role === "PRIMARY" ? styles.barPrimary : styles.bar}
            />
            <text
              x={LABEL_WIDTH + width + 6}
              y={y + BAR_HEIGHT / 2}
              dominantBaseline="middle"
              className={styles.chartValue}
            >
              {formatUsd(region.monthlyUsd)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
