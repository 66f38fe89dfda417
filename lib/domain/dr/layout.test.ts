import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_TIER_POLICY } from "../policy/default-policy";
import { TableRequestSchema } from "../request/schema";
import { makeRequest, PATTERN_FIXTURES } from "./__fixtures__/requests";
import { buildDrPreview } from "./build-preview";
import { DIAGRAM, type DrDiagramLayout, type DrDiagramNode, describeDrDiagram, layoutDrDiagram } from "./layout";

const previewOf = (request = makeRequest()) => buildDrPreview(request, DEFAULT_TIER_POLICY);
const node = (layout: DrDiagramLayout, region: string) =>
  layout.nodes.find((n) => n.region === region) as DrDiagramNode;
const numbers = (d: string) =>
  d
    .split(/[^\d.-]+/)
    .filter(Boolean)
    .map(Number);

function overlaps(a: DrDiagramNode, b: DrDiagramNode): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function onBorder(n: DrDiagramNode, x: number, y: number): boolean {
  const eps = 0.2;
  const inX = x >= n.x - eps && x <= n.x + n.width + eps;
  const inY = y >= n.y - eps && y <= n.y + n.height + eps;
  const onVertical = Math.abs(x - n.x) < eps || Math.abs(x - (n.x + n.width)) < eps;
  const onHorizontal = Math.abs(y - n.y) < eps || Math.abs(y - (n.y + n.height)) < eps;
  return inX && inY && (onVertical || onHorizontal);
}

/** Every example and fixture, for the layout's invariants. */
function allPreviews() {
  const dir = path.resolve(__dirname, "../../../examples/requests/valid");
  const examples = readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .map((f) => TableRequestSchema.parse(JSON.parse(readFileSync(path.join(dir, f), "utf8"))));
  const fixtures = Object.values(PATTERN_FIXTURES).map((make) => make());
  const wide = makeRequest({
    regions: {
      primary: "us-east-1",
      replicas: (["us-west-2", "eu-west-1", "eu-central-1", "ap-southeast-2", "ap-northeast-1"] as const).map(
        (region) => ({
          region,
        }),
      ),
    },
    backup: { enabled: true, schedule: "cron(0 3 * * ? *)", retentionDays: 35, copyRegion: "ca-central-1" },
  });
  return [...examples, ...fixtures, wide].map((r) => previewOf(r));
}

describe("layoutDrDiagram", () => {
  it("a single Region is one box with no arrows", () => {
    const layout = layoutDrDiagram(previewOf());
    expect(layout.nodes).toEqual([
      expect.objectContaining({ region: "us-east-1", role: "PRIMARY", roleLabel: "Primary", access: "reads + writes" }),
    ]);
    expect(layout.edges).toEqual([]);
    expect(layout.width).toBe(DIAGRAM.margin * 2 + DIAGRAM.nodeWidth);
    expect(layout.height).toBe(DIAGRAM.margin * 2 + DIAGRAM.nodeHeight);
  });

  it("puts table Regions in the top row, primary first, and copy targets and witnesses below", () => {
    const copy = layoutDrDiagram(previewOf(PATTERN_FIXTURES.BACKUP_CROSS_REGION_COPY()));
    expect(node(copy, "us-west-2").y).toBeGreaterThan(node(copy, "us-east-1").y + DIAGRAM.nodeHeight);
    expect(node(copy, "us-west-2").access).toBe("no traffic");
    const witness = layoutDrDiagram(previewOf(PATTERN_FIXTURES.MRSC_WITNESS()));
    expect(witness.nodes.map((n) => n.region)).toEqual(["us-east-1", "us-east-2", "us-west-2"]);
    expect(node(witness, "us-east-1").x).toBeLessThan(node(witness, "us-east-2").x);
    expect(node(witness, "us-west-2").y).toBeGreaterThan(node(witness, "us-east-1").y);
  });

  it("joins neighbours with straight lines and arcs over the row for non-neighbours", () => {
    const layout = layoutDrDiagram(previewOf(PATTERN_FIXTURES.ACTIVE_ACTIVE_MREC()));
    const byPair = Object.fromEntries(layout.edges.map((e) => [`${e.from}>${e.to}`, e.path]));
    expect(byPair["us-east-1>eu-west-1"]).toMatch(/^M [\d.]+ [\d.]+ L /);
    expect(byPair["eu-west-1>ap-southeast-2"]).toMatch(/^M [\d.]+ [\d.]+ L /);
    const arc = byPair["us-east-1>ap-southeast-2"] ?? "";
    expect(arc).toMatch(/ Q /);
    const [, y1, , cy] = numbers(arc);
    expect(cy).toBeLessThan(y1 as number);
    // The arc's peak stays inside the drawing.
    expect(((y1 as number) + (cy as number)) / 2).toBeGreaterThan(0);
  });

  it("keeps two links between the same Regions apart (a copy Region that is also a replica)", () => {
    const request = makeRequest({
      regions: { primary: "us-east-1", replicas: [{ region: "us-west-2" }] },
      backup: { enabled: true, schedule: "cron(0 3 * * ? *)", retentionDays: 35, copyRegion: "us-west-2" },
    });
    const layout = layoutDrDiagram(previewOf(request));
    expect(layout.edges.map((e) => e.kind)).toEqual(["replication", "backup-copy"]);
    expect(layout.edges[0]?.path).not.toBe(layout.edges[1]?.path);
  });

  it("draws four or more table Regions as a star from the primary, and says so", () => {
    const request = makeRequest({
      regions: {
        primary: "us-east-1",
        replicas: (["us-west-2", "eu-west-1", "eu-central-1"] as const).map((region) => ({ region })),
      },
    });
    const preview = previewOf(request);
    expect(preview.edges).toHaveLength(6);
    const layout = layoutDrDiagram(preview);
    expect(layout.edges.map((e) => `${e.from}>${e.to}`)).toEqual([
      "us-east-1>us-west-2",
      "us-east-1>eu-west-1",
      "us-east-1>eu-central-1",
    ]);
    expect(layout.note).toBe(
      "Every Region replicates to every other (4 Regions); the diagram shows the primary's links only.",
    );
    // Arcs over the row nest: longer spans peak higher, and all stay inside the drawing.
    const peaks = layout.edges.filter((e) => e.path.includes(" Q ")).map((e) => e.labelY);
    expect(peaks).toEqual([...peaks].sort((a, b) => b - a));
    for (const y of peaks) expect(y).toBeGreaterThan(0);
  });

  it("labels each link by kind", () => {
    const layout = layoutDrDiagram(previewOf(PATTERN_FIXTURES.MRSC_WITNESS()));
    expect(layout.edges.map((e) => e.label)).toEqual(["replication", "quorum", "quorum"]);
  });

  it.each(
    allPreviews().flatMap((p) =>
      (["row", "column"] as const).map(
        (orientation) => [p.regions.map((r) => r.region).join(","), orientation, p] as const,
      ),
    ),
  )(
    "invariants for %s (%s): no overlaps, all inside, straight lines start and end on box borders",
    (_name, orientation, preview) => {
      const layout = layoutDrDiagram(preview, { orientation });
      expect(layout.nodes).toHaveLength(preview.regions.length);
      expect(layout.edges.length).toBeLessThanOrEqual(preview.edges.length);
      if (layout.edges.length < preview.edges.length) expect(layout.note).toMatch(/replicates to every other/);
      for (const [i, a] of layout.nodes.entries()) {
        expect(a.x).toBeGreaterThanOrEqual(0);
        expect(a.y).toBeGreaterThanOrEqual(0);
        expect(a.x + a.width).toBeLessThanOrEqual(layout.width);
        expect(a.y + a.height).toBeLessThanOrEqual(layout.height);
        for (const b of layout.nodes.slice(i + 1)) expect(overlaps(a, b)).toBe(false);
      }
      const byRegion = new Map(layout.nodes.map((n) => [n.region, n]));
      for (const edge of layout.edges) {
        if (!edge.path.includes(" L ")) continue;
        const [x1, y1, x2, y2] = numbers(edge.path);
        const from = byRegion.get(edge.from) as DrDiagramNode;
        const to = byRegion.get(edge.to) as DrDiagramNode;
        // Parallel edges are shifted off the centre line, so allow the shift.
        const slack = DIAGRAM.parallelOffset;
        expect(onBorder(from, x1 as number, y1 as number) || slackOk(from, x1, y1, slack)).toBe(true);
        expect(onBorder(to, x2 as number, y2 as number) || slackOk(to, x2, y2, slack)).toBe(true);
      }
      expect(layoutDrDiagram(preview, { orientation })).toEqual(layout);
    },
  );

  it("the column layout stacks one Region per row, narrow enough for a phone, and arcs right of the boxes", () => {
    const preview = previewOf(PATTERN_FIXTURES.ACTIVE_ACTIVE_MREC());
    const layout = layoutDrDiagram(preview, { orientation: "column" });
    expect(new Set(layout.nodes.map((n) => n.x)).size).toBe(1);
    expect(layout.nodes.map((n) => n.y)).toEqual([...layout.nodes.map((n) => n.y)].sort((a, b) => a - b));
    // At 12 px labels and scale 1 this fits the ~300 px a 390 px screen leaves for the diagram.
    expect(layout.width).toBeLessThanOrEqual(320);
    const first = layout.nodes[0] as DrDiagramNode;
    const arc = layout.edges.find((e) => e.path.includes(" Q "));
    expect(arc, "rows 1 and 3 are joined by an arc").toBeDefined();
    const [x1, , cx] = numbers(arc?.path ?? "");
    expect(x1).toBe(first.x + first.width);
    expect(cx as number).toBeGreaterThan(x1 as number);
    expect(cx as number).toBeLessThanOrEqual(layout.width * 2);
  });
});

function slackOk(n: DrDiagramNode, x: number | undefined, y: number | undefined, slack: number): boolean {
  if (x === undefined || y === undefined) return false;
  const dx = Math.max(n.x - x, 0, x - (n.x + n.width));
  const dy = Math.max(n.y - y, 0, y - (n.y + n.height));
  return Math.hypot(dx, dy) <= slack;
}

describe("describeDrDiagram", () => {
  it("reads the diagram out: pattern, each Region's role and traffic, and the links", () => {
    const text = describeDrDiagram(previewOf(PATTERN_FIXTURES.MRSC_WITNESS()));
    expect(text).toMatch(/^Multi-Region strong consistency \(MRSC\)\./);
    expect(text).toContain("us-east-1 (US East (N. Virginia)): primary, reads + writes, RPO zero");
    expect(text).toContain("us-west-2 (US West (Oregon)): witness, no traffic");
    expect(text).toContain("Replication between us-east-1 and us-east-2 in both directions");
    expect(text).toContain("us-east-2 sends replicated writes to the witness in us-west-2");
  });
});
