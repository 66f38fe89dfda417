import {
  type DrDiagramEdge,
  type DrDiagramLayout,
  type DrPreview,
  describeDrDiagram,
  layoutDrDiagram,
} from "@/lib/domain/dr";
import styles from "./dr-diagram.module.css";
import { idFrom } from "./format";

const ROLE_CLASS: Record<string, string | undefined> = {
  PRIMARY: styles.primary,
  ACTIVE_REPLICA: styles.activeReplica,
  STANDBY: styles.standby,
  WITNESS: styles.witness,
  BACKUP_COPY_TARGET: styles.backupCopy,
};

const EDGE_CLASS: Record<DrDiagramEdge["kind"], string | undefined> = {
  replication: styles.replication,
  "backup-copy": styles.backupCopyEdge,
  witness: styles.witnessEdge,
};

const cx = (...names: (string | undefined | false)[]) => names.filter(Boolean).join(" ");

export interface DrDiagramProps {
  preview: DrPreview;
  /** Prefix for the SVG's element ids; give one when a page shows two diagrams. */
  id?: string;
  className?: string;
}

/** How many Regions side by side a row layout of this width holds (its widths are 268n - 24). */
function fitClass(width: number): string | undefined {
  const perRow = Math.min(6, Math.max(1, Math.round((width + 24) / 268)));
  return styles[`fit${perRow}`];
}

/**
 * The Regions of a DR preview as an SVG: each Region's role and traffic, replication arrows
 * (both ways), dashed backup-copy arrows and dotted witness links, with a legend. All geometry
 * comes from `layoutDrDiagram`; the <title> and <desc> give screen readers the same picture.
 * Labels are 12 px or more at the size shown: the side-by-side drawing is used only where the
 * figure is at least as wide as the drawing (a container query), and a one-Region-per-row
 * drawing elsewhere (phones, side panels), so nothing is shrunk to fit.
 * No hooks and no browser APIs, so it renders on the server and in the client alike.
 */
export function DrDiagram({ preview, id, className }: DrDiagramProps) {
  const row = layoutDrDiagram(preview);
  const column = layoutDrDiagram(preview, { orientation: "column" });
  const base = id ?? idFrom("dr", preview.regions[0]?.region ?? "none", preview.pattern);
  const kinds = [...new Set(row.edges.map((e) => e.kind))];
  // Only a drawing with Regions side by side has anything to gain from the column.
  const needsColumn = new Set(row.nodes.map((n) => n.y)).size < row.nodes.length;

  return (
    <figure className={cx(styles.figure, className)} data-testid="dr-diagram">
      {needsColumn ? (
        <div className={fitClass(row.width)}>
          <DiagramSvg preview={preview} layout={row} base={`${base}-row`} className={styles.rowSvg} />
          <DiagramSvg preview={preview} layout={column} base={`${base}-column`} className={styles.columnSvg} />
        </div>
      ) : (
        <DiagramSvg preview={preview} layout={row} base={base} />
      )}
      {kinds.length > 0 && (
        <figcaption>
          {row.note && <p className={styles.note}>{row.note}</p>}
          <ul className={styles.legend} aria-label="Legend">
            {kinds.map((kind) => (
              <li key={kind}>
                <svg width="36" height="10" aria-hidden="true" focusable="false">
                  <line x1="2" y1="5" x2="34" y2="5" className={cx(styles.edge, EDGE_CLASS[kind])} />
                </svg>
                {LEGEND[kind]}
              </li>
            ))}
          </ul>
        </figcaption>
      )}
    </figure>
  );
}

function DiagramSvg({
  preview,
  layout,
  base,
  className,
}: {
  preview: DrPreview;
  layout: DrDiagramLayout;
  base: string;
  className?: string;
}) {
  const titleId = `${base}-title`;
  const descId = `${base}-desc`;
  const marker = (kind: DrDiagramEdge["kind"]) => `${base}-arrow-${kind}`;
  return (
    <svg
      className={cx(styles.svg, className)}
      role="img"
      aria-labelledby={`${titleId} ${descId}`}
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      width={layout.width}
      height={layout.height}
      // Never blown up past 1.5 times its size: big boxes say nothing more.
      style={{ maxWidth: `${Math.round(layout.width * 1.5)}px` }}
      preserveAspectRatio="xMidYMid meet"
      data-orientation={layout.nodes.length > 1 && new Set(layout.nodes.map((n) => n.x)).size === 1 ? "column" : "row"}
    >
      <title id={titleId}>{`DR pattern: ${preview.name}`}</title>
      <desc id={descId}>{describeDrDiagram(preview)}</desc>
      <defs>
        {(["replication", "backup-copy", "witness"] as const).map((kind) => (
          <marker
            key={kind}
            id={marker(kind)}
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto-start-reverse"
          >
            <path d="M 0 0 L 10 5 L 0 10 z" className={cx(styles.arrowHead, EDGE_CLASS[kind])} />
          </marker>
        ))}
      </defs>
      <g>
        {layout.edges.map((edge) => (
          <g key={`${edge.kind}-${edge.from}-${edge.to}`} data-edge-kind={edge.kind}>
            <path
              d={edge.path}
              className={cx(styles.edge, EDGE_CLASS[edge.kind])}
              markerEnd={`url(#${marker(edge.kind)})`}
              markerStart={edge.bidirectional ? `url(#${marker(edge.kind)})` : undefined}
            />
            <text
              x={edge.labelX}
              y={edge.labelY}
              className={styles.edgeLabel}
              textAnchor={edge.labelAnchor ?? "middle"}
              transform={edge.labelRotate ? `rotate(${edge.labelRotate} ${edge.labelX} ${edge.labelY})` : undefined}
            >
              {edge.label}
            </text>
          </g>
        ))}
      </g>
      <g>
        {layout.nodes.map((node) => (
          <g key={node.region} data-region={node.region} data-role={node.role}>
            <rect
              x={node.x}
              y={node.y}
              width={node.width}
              height={node.height}
              rx={8}
              className={cx(styles.node, ROLE_CLASS[node.role])}
            />
            <text x={node.x + 12} y={node.y + 22} className={styles.roleText}>
              {node.roleLabel.toUpperCase()}
            </text>
            <text x={node.x + 12} y={node.y + 42} className={styles.regionCode}>
              {node.region}
            </text>
            <text x={node.x + 12} y={node.y + 59} className={styles.regionName}>
              {node.regionName}
            </text>
            <text x={node.x + 12} y={node.y + 75} className={styles.access}>
              {node.access}
            </text>
          </g>
        ))}
      </g>
    </svg>
  );
}

const LEGEND: Record<DrDiagramEdge["kind"], string> = {
  replication: "Global table replication (both ways)",
  "backup-copy": "AWS Backup copy to another Region",
  witness: "Replicated writes to the MRSC witness",
};
