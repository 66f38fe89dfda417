import { describe, expect, it } from "vitest";
import { renderPullRequestBody, renderPullRequestTitle } from "./pull-request-body";

const FACTS = {
  key: "TW-7",
  title: "Carts | checkout",
  revision: 2,
  tableName: "carts-dev",
  team: "checkout",
  tier: "dev",
  requester: "dana@example.com",
  modulePath: "dynamodb/carts-dev/",
  cost: null,
  dr: null,
  plan: null,
  planBaseline: null,
  portalUrl: "https://tablewright.example.com/requests/TW-7",
};

describe("pull request text", () => {
  it("names the request, the table and the revision", () => {
    expect(renderPullRequestTitle(FACTS)).toBe("TW-7: DynamoDB table carts-dev (revision 2)");
  });

  it("links back, escapes table cells and leaves out sections it has no facts for", () => {
    const body = renderPullRequestBody(FACTS);
    expect(body).toContain("[TW-7](https://tablewright.example.com/requests/TW-7), revision 2");
    expect(body).toContain("| Request | Carts \\| checkout |");
    expect(body).not.toContain("## Monthly cost");
    expect(body).not.toContain("## Operation plan");
    expect(renderPullRequestBody(FACTS)).toBe(body);
  });

  it("lists the monthly cost per Region with the total", () => {
    const cost = {
      regions: [
        { region: "eu-west-1", role: "primary", monthlyUsd: 12.5 },
        { region: "eu-central-1", role: "replica", monthlyUsd: 10 },
      ],
      totalMonthlyUsd: 22.5,
      pricesAsOf: "2026-11-01",
      priceSource: "AWS Price List",
    };
    const body = renderPullRequestBody({ ...FACTS, cost: cost as never });
    expect(body).toContain("| eu-west-1 | primary | $12.50 |");
    expect(body).toContain("| eu-central-1 | replica | $10.00 |");
    expect(body).toContain("| **Total** | | **$22.50** |");
  });
});
