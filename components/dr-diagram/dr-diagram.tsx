import { type DrDiagramEdge, type DrPreview, describeDrDiagram, layoutDrDiagram } from "@/lib/domain/dr";
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

/**
 * The Regions of a DR preview as an SVG: each Region's role and traffic, replication arrows
 * (both ways), dashed backup-copy arrows and dotted witness links, with a legend. All geometry
 * comes from `layoutDrDiagram`; the <title> and <desc> give screen readers the same picture.
 * No hooks and no browser APIs, so it renders on the server and in the client alike.
 */
export function DrDiagram({ preview, id, className }: DrDiagramProps) {
  const layout = layoutDrDiagram(preview);
  const base = id ?? idFrom("dr", preview.regions[0]?.region ?? "none", preview.pattern);
  const titleId = `${base}-title`;
  const descId = `${base}-desc`;
  const marker = (kind: DrDiagramEdge["kind"]) => `${base}-arrow-${kind}`;
  const kinds = [...new Set(layout.edges.map((e) => e.kind))];

  return (
    <figure className={cx(styles.figure, className)} data-testid="dr-diagram">
      <svg
        className={styles.svg}
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        width={layout.width}
        height={layout.height}
        preserveAspectRatio="xMidYMid meet"
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
              <text x={edge.labelX} y={edge.labelY} className={styles.edgeLabel} textAnchor="middle">
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
      {kinds.length > 0 && (
        <figcaption>
          {layout.note && <p className={styles.note}>{layout.note}</p>}
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

const LEGEND: Record<DrDiagramEdge["kind"], string> = {
  replication: "Global table replication (both ways)",
  "backup-copy": "AWS Backup copy to another Region",
  witness: "Replicated writes to the MRSC witness",
};
