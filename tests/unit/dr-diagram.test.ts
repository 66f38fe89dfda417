import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { DrDiagram, DrPreviewView, DrRegionCards } from "@/components/dr-diagram";
import { estimateCost } from "@/lib/domain/cost";
import { buildDrPreview } from "@/lib/domain/dr";
import { makeRequest, PATTERN_FIXTURES } from "@/lib/domain/dr/__fixtures__/requests";
import { DEFAULT_TIER_POLICY } from "@/lib/domain/policy/default-policy";

// The DR visuals rendered to HTML the way the server sends them: what a screen reader and the
// screenshot test get. No DOM library is installed, so the checks read the markup.

const previewOf = (request = makeRequest()) =>
  buildDrPreview(request, DEFAULT_TIER_POLICY, { estimate: estimateCost(request) });

describe("<DrDiagram>", () => {
  it("is an accessible image: role img, labelled by its title and a text description", () => {
    const html = renderToStaticMarkup(
      createElement(DrDiagram, { preview: previewOf(PATTERN_FIXTURES.MRSC_WITNESS()) }),
    );
    // Two drawings (side by side, and one Region per row for narrow places); CSS shows one.
    for (const variant of ["row", "column"]) {
      const id = `dr-us-east-1-mrsc-${variant}`;
      expect(html).toMatch(new RegExp(`<svg[^>]*role="img"[^>]*aria-labelledby="${id}-title ${id}-desc"`));
      expect(html).toContain(`<title id="${id}-title">DR pattern: Multi-Region strong consistency (MRSC)</title>`);
      expect(html).toMatch(new RegExp(`<desc id="${id}-desc">Multi-Region strong consistency \\(MRSC\\)\\. us-east-1`));
    }
  });

  it("draws each Region with its role, and each link with its kind; replication has arrows at both ends", () => {
    const html = renderToStaticMarkup(
      createElement(DrDiagram, {
        preview: previewOf(
          makeRequest({
            regions: { primary: "us-east-1", replicas: [{ region: "eu-west-1", role: "STANDBY" }] },
            backup: { enabled: true, schedule: "cron(0 3 * * ? *)", retentionDays: 35, copyRegion: "us-west-2" },
          }),
        ),
        id: "dr-test",
      }),
    );
    expect(html).toContain('data-region="us-east-1" data-role="PRIMARY"');
    expect(html).toContain('data-region="eu-west-1" data-role="STANDBY"');
    expect(html).toContain('data-region="us-west-2" data-role="BACKUP_COPY_TARGET"');
    expect(html).toContain(">PRIMARY</text>");
    expect(html).toContain(">STANDBY</text>");
    expect(html).toContain(">BACKUP COPIES</text>");
    const replication = /<g data-edge-kind="replication"><path[^>]*>/.exec(html)?.[0] ?? "";
    expect(replication).toContain('marker-end="url(#dr-test-row-arrow-replication)"');
    expect(replication).toContain('marker-start="url(#dr-test-row-arrow-replication)"');
    const copy = /<g data-edge-kind="backup-copy"><path[^>]*>/.exec(html)?.[0] ?? "";
    expect(copy).toContain('marker-end="url(#dr-test-row-arrow-backup-copy)"');
    expect(copy).not.toContain("marker-start");
    expect(html).toContain("AWS Backup copy to another Region");
  });

  it("a single Region needs one drawing only", () => {
    const html = renderToStaticMarkup(createElement(DrDiagram, { preview: previewOf() }));
    expect(html.match(/<svg[^>]*role="img"/g)).toHaveLength(1);
  });

  it("has no legend for a single Region (nothing to explain)", () => {
    const html = renderToStaticMarkup(createElement(DrDiagram, { preview: previewOf() }));
    expect(html).not.toContain("figcaption");
  });
});

describe("<DrRegionCards>", () => {
  it("gives each Region a headed card with RPO/RTO bases, cost share, the runbook as an ordered list and warnings", () => {
    const html = renderToStaticMarkup(
      createElement(DrRegionCards, { preview: previewOf(PATTERN_FIXTURES.ACTIVE_ACTIVE_MREC()) }),
    );
    expect(html.match(/<article/g)).toHaveLength(3);
    expect(html).toMatch(/<h3 id="dr-card-us-east-1"[^>]*><span[^>]*>Primary<\/span> us-east-1/);
    expect(html).toContain("<h4");
    expect(html).toContain("If this Region fails");
    expect(html).toContain("Basis: DG GlobalTables");
    expect(html).toMatch(/\$[\d,]+\.\d{2} \(\d+% of the total\)/);
    expect(html).toMatch(/<ol[^>]*aria-label="Runbook for eu-west-1"><li>/);
    expect(html).toContain("Last writer wins");
  });

  it("says the witness is not in the estimate rather than showing $0", () => {
    const html = renderToStaticMarkup(
      createElement(DrRegionCards, { preview: previewOf(PATTERN_FIXTURES.MRSC_WITNESS()) }),
    );
    const witness = html.slice(html.indexOf('data-region="us-west-2"'));
    expect(witness).toContain("Not in the estimate");
    expect(witness).not.toContain("$0.00");
  });

  it("follows the heading level it is given", () => {
    const html = renderToStaticMarkup(createElement(DrRegionCards, { preview: previewOf(), headingLevel: 2 }));
    expect(html).toContain('<h2 id="dr-card-us-east-1"');
    expect(html).toContain("<h3");
  });
});

describe("<DrPreviewView>", () => {
  it("shows the pattern, whether it was derived, its objectives, its issues, then diagram and cards", () => {
    const html = renderToStaticMarkup(
      createElement(DrPreviewView, { preview: previewOf(makeRequest({ tier: "prod" })) }),
    );
    expect(html).toMatch(/<h2[^>]*>Single Region with PITR <span[^>]*>\(derived from the request\)/);
    expect(html).toContain("<strong>Error:</strong>");
    expect(html).toContain("must survive the loss of a Region");
    expect(html).toContain('role="img"');
    expect(html).toContain('<h3 id="dr-card-us-east-1"');
  });
});
