import { describe, expect, it } from "vitest";
import { TableRequestSchema } from "../lib/domain/request/schema";
import { renderModule } from "../lib/domain/terraform/render-module";
import { cell, code, usd } from "./readme.md";

describe("README text from a request cannot break its tables (issue 18, defect 6)", () => {
  it.each([
    ["a | pipe", "a \\| pipe"],
    ["two\nlines", "two lines"],
    ["crlf\r\nend", "crlf end"],
    ["<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"],
    ["R&D", "R&amp;D"],
    ["back\\slash", "back\\\\slash"],
  ])("cell(%j) is %j", (input, expected) => {
    expect(cell(input)).toBe(expected);
  });

  it("keeps code spans in one cell: no backtick ends them, no pipe splits the cell", () => {
    expect(code("a`b|c\nd")).toBe("`a'b\\|c d`");
  });

  it("renders a purpose full of Markdown and HTML as one table row", () => {
    const request = TableRequestSchema.parse({
      owner: {
        team: "t|x",
        service: "s",
        requester: "<b>r</b>@example.com",
        costCenter: "cc",
        purpose: "line one\nline | two <img src=x onerror=alert(1)>",
      },
      tier: "dev",
      tableName: "orders",
      partitionKey: { name: "p|k", type: "S" },
      billing: { mode: "PAY_PER_REQUEST" },
      regions: { primary: "us-east-1" },
    });
    const readme = renderModule(request)["README.md"] as string;
    const purpose = readme.split("\n").find((l) => l.startsWith("| Purpose |")) as string;
    expect(purpose).toBe("| Purpose | line one line \\| two &lt;img src=x onerror=alert(1)&gt; |");
    expect(readme).not.toContain("<b>");
    expect(readme).toContain("| Keys | `p\\|k` (S) |");
  });
});

describe("README amounts", () => {
  it.each([
    [15753.666, "$15,753.67"],
    [0, "$0.00"],
    [999.999, "$1,000.00"],
    [1234567.5, "$1,234,567.50"],
    [-12.5, "-$12.50"],
  ])("usd(%d) is %s", (amount, expected) => {
    expect(usd(amount)).toBe(expected);
  });

  it("shows the cost total and lines with separators", () => {
    const request = TableRequestSchema.parse({
      owner: { team: "t", service: "s", requester: "r", costCenter: "c" },
      tier: "dev",
      tableName: "orders",
      partitionKey: { name: "pk", type: "S" },
      billing: { mode: "PAY_PER_REQUEST" },
      regions: { primary: "us-east-1" },
    });
    const readme = renderModule(request, {
      costSummary: {
        monthlyTotalUsd: 15753.666,
        priceDate: "2026-11-01",
        lines: [{ label: "us-east-1", monthlyUsd: 12000 }],
      },
    })["README.md"] as string;
    expect(readme).toContain("About **$15,753.67 per month**");
    expect(readme).toContain("| us-east-1 | $12,000.00 |");
  });
});

describe("README PITR row describes every Region", () => {
  it("gives the table's period and each replica's own setting", () => {
    const request = TableRequestSchema.parse({
      owner: { team: "t", service: "s", requester: "r", costCenter: "c" },
      tier: "prod",
      tableName: "orders",
      partitionKey: { name: "pk", type: "S" },
      billing: { mode: "PAY_PER_REQUEST" },
      pointInTimeRecovery: { enabled: true, recoveryPeriodInDays: 14 },
      regions: {
        primary: "us-east-1",
        replicas: [{ region: "eu-west-1" }, { region: "us-west-2", role: "STANDBY", pointInTimeRecovery: false }],
      },
    });
    const row = (renderModule(request)["README.md"] as string)
      .split("\n")
      .find((l) => l.startsWith("| Point-in-time recovery |"));
    expect(row).toBe(
      "| Point-in-time recovery | us-east-1: 14 days; eu-west-1: on (35 days, the default); us-west-2: off |",
    );
  });
});
