import type { DrEdgeKind, DrPreview, DrRegion, DrRegionRole } from "./types";

/** Geometry of the DR diagram, in SVG user units; the component only draws what this returns. */
export interface DrDiagramLayout {
  width: number;
  height: number;
  nodes: DrDiagramNode[];
  edges: DrDiagramEdge[];
  /** Set when the drawing simplifies the preview (e.g. a replication mesh shown as a star). */
  note?: string;
}

export interface DrDiagramNode {
  region: string;
  regionName: string;
  role: DrRegionRole;
  roleLabel: string;
  /** "reads + writes", "reads only", or "no traffic". */
  access: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface DrDiagramEdge {
  from: string;
  to: string;
  kind: DrEdgeKind;
  bidirectional: boolean;
  /** SVG path data from the border of `from` to the border of `to`. */
  path: string;
  label: string;
  labelX: number;
  labelY: number;
  /** How the label aligns on (labelX, labelY); "middle" unless set. */
  labelAnchor?: "start" | "middle";
  /** Degrees the label is turned about (labelX, labelY), for labels along a vertical arc. */
  labelRotate?: number;
}

/** `row` (default): table Regions side by side. `column`: one Region per row, for narrow places. */
export interface DrLayoutOptions {
  orientation?: "row" | "column";
}

export const DIAGRAM = {
  nodeWidth: 196,
  nodeHeight: 84,
  gapX: 72,
  /** Vertical gap between rows; leaves room for edge labels. */
  gapY: 96,
  /** Vertical gap between rows of the column layout (one label per gap). */
  columnGapY: 56,
  /** Margin of the column layout (the arrow heads and labels need less room than arcs above a row). */
  columnMargin: 12,
  margin: 24,
  /** Beyond this many table Regions per row, the row wraps. */
  maxPerRow: 6,
  /** Beyond this many table Regions, replication is drawn as a star from the primary, not a mesh. */
  maxMeshRegions: 3,
  /** Offset between parallel edges joining the same two Regions. */
  parallelOffset: 14,
} as const;

export const ROLE_LABELS: Record<DrRegionRole, string> = {
  PRIMARY: "Primary",
  ACTIVE_REPLICA: "Active replica",
  STANDBY: "Standby",
  WITNESS: "Witness",
  BACKUP_COPY_TARGET: "Backup copies",
};

const EDGE_LABELS: Record<DrEdgeKind, string> = {
  replication: "replication",
  "backup-copy": "backup copy",
  witness: "quorum",
};

const TABLE_ROLES: readonly DrRegionRole[] = ["PRIMARY", "ACTIVE_REPLICA", "STANDBY"];

const round = (n: number) => Math.round(n * 10) / 10;

/**
 * Lays the preview out: Regions that hold the table in the top row(s), primary first; the witness
 * and backup-copy Regions in a row below, so data flows read top to bottom. Non-adjacent Regions
 * in one row are joined by arcs above the row, so no line passes through a box; parallel edges
 * between the same two Regions are offset so both stay visible. Deterministic and pure.
 */
export function layoutDrDiagram(preview: DrPreview, options: DrLayoutOptions = {}): DrDiagramLayout {
  const { nodeWidth: w, nodeHeight: h, gapX, maxMeshRegions } = DIAGRAM;
  const isColumn = options.orientation === "column";
  // The column is for narrow places: every unit of margin there costs label size.
  const margin = isColumn ? DIAGRAM.columnMargin : DIAGRAM.margin;
  // In a column every Region has its own row; the gap between rows holds the edge labels.
  const maxPerRow = isColumn ? 1 : DIAGRAM.maxPerRow;
  const gapY = isColumn ? DIAGRAM.columnGapY : DIAGRAM.gapY;
  const tableRegions = preview.regions.filter((r) => TABLE_ROLES.includes(r.role));
  const supportRegions = preview.regions.filter((r) => !TABLE_ROLES.includes(r.role));
  const rows: DrRegion[][] = [];
  // At least one per row, so the loop ends even if the constant were ever edited to 0.
  const perRow = Math.max(1, Math.trunc(maxPerRow));
  for (let i = 0; i < tableRegions.length; i += perRow) rows.push(tableRegions.slice(i, i + perRow));
  // Support Regions: one row (side by side) or one per row (column layout); the step is >= 1 either way.
  const supportPerRow = isColumn ? 1 : Math.max(1, supportRegions.length);
  for (let i = 0; i < supportRegions.length; i += supportPerRow) {
    rows.push(supportRegions.slice(i, i + supportPerRow));
  }

  const widest = Math.max(1, ...rows.map((r) => r.length));
  const arcRoom = isColumn ? 0 : topArcRoom(rows[0]?.length ?? 0);
  const sideRoom = isColumn ? sideArcRoom(rows.length) : 0;
  const width = margin * 2 + widest * w + (widest - 1) * gapX + sideRoom;
  const height = margin * 2 + arcRoom + rows.length * h + Math.max(0, rows.length - 1) * gapY;

  const nodes: DrDiagramNode[] = [];
  const place = new Map<string, { node: DrDiagramNode; row: number; col: number }>();
  rows.forEach((row, rowIndex) => {
    const rowWidth = row.length * w + (row.length - 1) * gapX;
    // A column keeps its boxes on the left, so the arcs between distant rows have room on the right.
    const left = isColumn ? margin : (width - rowWidth) / 2;
    row.forEach((region, col) => {
      const node: DrDiagramNode = {
        region: region.region,
        regionName: region.regionName,
        role: region.role,
        roleLabel: ROLE_LABELS[region.role],
        access: accessOf(region),
        x: round(left + col * (w + gapX)),
        y: round(margin + arcRoom + rowIndex * (h + gapY)),
        width: w,
        height: h,
      };
      nodes.push(node);
      place.set(region.region, { node, row: rowIndex, col });
    });
  });

  // A full mesh of four or more Regions is unreadable; every replica replicates to every other,
  // so the star from the primary plus a note says the same thing legibly.
  const primary = preview.regions[0]?.region;
  const isStar = tableRegions.length > maxMeshRegions;
  const drawn = isStar
    ? preview.edges.filter((e) => e.kind !== "replication" || e.from === primary || e.to === primary)
    : preview.edges;

  const pairCount = new Map<string, number>();
  const pairSeen = new Map<string, number>();
  const pairKey = (a: string, b: string) => [a, b].sort().join("|");
  for (const e of drawn) pairCount.set(pairKey(e.from, e.to), (pairCount.get(pairKey(e.from, e.to)) ?? 0) + 1);

  const edges: DrDiagramEdge[] = [];
  for (const edge of drawn) {
    const a = place.get(edge.from);
    const b = place.get(edge.to);
    if (!a || !b) continue;
    const key = pairKey(edge.from, edge.to);
    const index = pairSeen.get(key) ?? 0;
    pairSeen.set(key, index + 1);
    const offset = (index - ((pairCount.get(key) ?? 1) - 1) / 2) * DIAGRAM.parallelOffset;
    const geometry =
      a.row === b.row && Math.abs(a.col - b.col) > 1
        ? arcBetween(a.node, b.node, Math.abs(a.col - b.col), offset)
        : isColumn && Math.abs(a.row - b.row) > 1
          ? sideArcBetween(a.node, b.node, Math.abs(a.row - b.row), offset)
          : lineBetween(a.node, b.node, offset);
    edges.push({ ...edge, ...geometry, label: EDGE_LABELS[edge.kind] });
  }
  const layout: DrDiagramLayout = { width: round(width), height: round(height), nodes, edges };
  if (isStar) {
    layout.note = `Every Region replicates to every other (${tableRegions.length} Regions); the diagram shows the primary's links only.`;
  }
  return layout;
}

/** Width reserved right of a column for arcs between its non-adjacent rows. */
function sideArcRoom(rowCount: number): number {
  return rowCount > 2 ? sideArcWidth(rowCount - 1) + DIAGRAM.parallelOffset * 2 + 8 : 0;
}

function sideArcWidth(span: number): number {
  return 24 + (span - 2) * 14;
}

/** An arc right of a column joining two rows that are not neighbours, so it passes no box. */
function sideArcBetween(a: DrDiagramNode, b: DrDiagramNode, span: number, offset: number): Geometry {
  const [top, bottom] = a.y <= b.y ? [a, b] : [b, a];
  const x = round(top.x + top.width);
  const y1 = round(top.y + top.height / 2 + offset);
  const y2 = round(bottom.y + bottom.height / 2 + offset);
  const bulge = sideArcWidth(span) + offset * 1.2;
  const cx = round(x + bulge * 2);
  const cy = round((y1 + y2) / 2);
  const path = a === top ? `M ${x} ${y1} Q ${cx} ${cy} ${x} ${y2}` : `M ${x} ${y2} Q ${cx} ${cy} ${x} ${y1}`;
  // Level text would stick out of a narrow drawing: the label runs down along the arc's outermost
  // point (a quadratic curve peaks halfway to its control point).
  return { path, labelX: round((x + cx) / 2 + 8), labelY: cy, labelRotate: 90 };
}

/** Height reserved above the first row for arcs between its non-adjacent Regions. */
function topArcRoom(count: number): number {
  return count > 2 ? arcHeight(count - 1) + DIAGRAM.parallelOffset * 2 + 16 : 0;
}

function arcHeight(span: number): number {
  return 36 + (span - 2) * 22;
}

function accessOf(region: DrRegion): string {
  if (region.takesReads && region.takesWrites) return "reads + writes";
  if (region.takesReads) return "reads only";
  if (region.takesWrites) return "writes only";
  return "no traffic";
}

type Geometry = Pick<DrDiagramEdge, "path" | "labelX" | "labelY" | "labelAnchor" | "labelRotate">;

function center(n: DrDiagramNode) {
  return { x: n.x + n.width / 2, y: n.y + n.height / 2 };
}

/** Where the ray from the box's centre towards (dx, dy) leaves the box. */
function borderPoint(n: DrDiagramNode, dx: number, dy: number) {
  const c = center(n);
  const tx = dx === 0 ? Number.POSITIVE_INFINITY : n.width / 2 / Math.abs(dx);
  const ty = dy === 0 ? Number.POSITIVE_INFINITY : n.height / 2 / Math.abs(dy);
  const t = Math.min(tx, ty);
  return { x: c.x + dx * t, y: c.y + dy * t };
}

function lineBetween(a: DrDiagramNode, b: DrDiagramNode, offset: number): Geometry {
  const ca = center(a);
  const cb = center(b);
  const len = Math.hypot(cb.x - ca.x, cb.y - ca.y) || 1;
  const dx = (cb.x - ca.x) / len;
  const dy = (cb.y - ca.y) / len;
  // Perpendicular shift for parallel edges, in a direction independent of the edge's direction.
  const sign = a.region < b.region ? 1 : -1;
  const px = -dy * offset * sign;
  const py = dx * offset * sign;
  const start = borderPoint(a, dx, dy);
  const end = borderPoint(b, -dx, -dy);
  const x1 = round(start.x + px);
  const y1 = round(start.y + py);
  const x2 = round(end.x + px);
  const y2 = round(end.y + py);
  const path = `M ${x1} ${y1} L ${x2} ${y2}`;
  // A mostly vertical line (the column layout) carries its label beside it, not across it.
  if (Math.abs(y2 - y1) > Math.abs(x2 - x1)) {
    return { path, labelX: round((x1 + x2) / 2 + 8), labelY: round((y1 + y2) / 2 + 4), labelAnchor: "start" };
  }
  return { path, labelX: round((x1 + x2) / 2), labelY: round((y1 + y2) / 2 - 6) };
}

function arcBetween(a: DrDiagramNode, b: DrDiagramNode, span: number, offset: number): Geometry {
  const x1 = round(a.x + a.width / 2 + offset);
  const x2 = round(b.x + b.width / 2 + offset);
  const y = a.y;
  // Parallel arcs differ in height as well as in their ends, so both curves and labels stay apart.
  const peak = arcHeight(span) + offset * 1.6;
  const cy = round(y - peak * 2);
  const cx = round((x1 + x2) / 2);
  // The quadratic curve's midpoint is a quarter of the way from the ends to the control point.
  const labelY = round((y + 2 * cy + y) / 4 - 6);
  return { path: `M ${x1} ${y} Q ${cx} ${cy} ${x2} ${y}`, labelX: cx, labelY };
}

/** A plain-language account of the diagram, for the SVG's <desc> and screen readers. */
export function describeDrDiagram(preview: DrPreview): string {
  const regions = preview.regions.map(
    (r) =>
      `${r.region} (${r.regionName}): ${ROLE_LABELS[r.role].toLowerCase()}, ${accessOf(r)}, RPO ${lowerFirst(r.rpo.value)}`,
  );
  const links = preview.edges.map((e) => {
    if (e.kind === "replication") return `replication between ${e.from} and ${e.to} in both directions`;
    if (e.kind === "backup-copy") return `backup copies from ${e.from} to ${e.to}`;
    return `${e.from} sends replicated writes to the witness in ${e.to}`;
  });
  const parts = [`${preview.name}.`, `${regions.join("; ")}.`];
  if (links.length > 0) parts.push(`${upperFirst(links.join("; "))}.`);
  return parts.join(" ");
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1).replace(/\.$/, "");
const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
