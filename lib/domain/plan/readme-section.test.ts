import { describe, expect, it } from "vitest";
import { renderModule } from "../terraform/render-module";
import { changed, onDemandTable, provisionedTable } from "./__fixtures__/tables";
import { planTableChange } from "./plan-table-change";
import { addPlanToReadme, renderPlanSection } from "./readme-section";

describe("the module README's operation plan", () => {
  it("lists every step with Terraform, duration, availability and whether it needs its own apply", () => {
    const live = provisionedTable();
    const target = changed(onDemandTable(), (r) => {
      r.globalSecondaryIndexes.push(
        {
          name: "by-a",
          partitionKey: { name: "a", type: "S" },
          projection: { type: "KEYS_ONLY" },
          contributorInsights: false,
        },
        {
          name: "by-b",
          partitionKey: { name: "b", type: "S" },
          projection: { type: "KEYS_ONLY" },
          contributorInsights: false,
        },
      );
    });
    const plan = planTableChange(live, target, { tableSizeGb: 50 });
    const section = renderPlanSection(plan, "managed table orders-prod as approved in TW-1 revision 1");
    expect(section).toContain("Against managed table orders-prod as approved in TW-1 revision 1.");
    expect(section).toContain(`Risk: **${plan.risk}**.`);
    for (const step of plan.steps) expect(section).toContain(`| ${step.order} | ${step.title} |`);
    expect(section.match(/^\| \d+ \|/gm)).toHaveLength(plan.steps.length);
  });

  it("says when a change is destructive, and goes before Requirements in README.md", () => {
    const live = onDemandTable();
    const plan = planTableChange(
      live,
      changed(live, (r) => {
        r.partitionKey = { name: "id", type: "S" };
      }),
    );
    const files = renderModule(live);
    const withPlan = addPlanToReadme(files, plan, "the live table");
    const readme = withPlan["README.md"] ?? "";
    expect(readme).toContain("**Destructive:**");
    expect(readme.indexOf("## Operation plan")).toBeLessThan(readme.indexOf("## Requirements"));
    expect(Object.keys(withPlan)).toEqual(Object.keys(files));
    expect(withPlan["main.tf"]).toBe(files["main.tf"]);
  });
});
