import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildModuleModel } from "../terraform/build-model";
import { renderModule } from "../terraform/render-module";
import { changed, onDemandTable } from "./__fixtures__/tables";
import { autoscaledDimensions, effectiveStreamViewType, moduleIgnoresIndexChanges } from "./effective";
import { MODULE_OMITS_AWS_OWNED_SSE, MODULE_OMITS_DISABLED_TTL } from "./module-behaviour";
import { assembleDefinition, definitionSpec } from "./test-support";

// The planner judges what Terraform will see; these tests hold its view and the module's in step.
describe("the planner's view of the module agrees with the module", () => {
  it("on ignored index changes, ignored capacity and the stream Terraform configures", () => {
    fc.assert(
      fc.property(definitionSpec, (spec) => {
        const request = assembleDefinition(spec);
        const table = buildModuleModel(request).table;
        expect(moduleIgnoresIndexChanges(request)).toBe(table.ignoreChanges.includes("global_secondary_index"));
        const dims = autoscaledDimensions(request);
        expect(dims.read).toBe(table.ignoreChanges.includes("read_capacity"));
        expect(dims.write).toBe(table.ignoreChanges.includes("write_capacity"));
        expect(effectiveStreamViewType(request)).toBe(table.stream?.viewType ?? null);
      }),
      { numRuns: 200 },
    );
  });

  it("writes ttl { enabled = false } when TTL is off (so terraform apply turns it off)", () => {
    const off = renderModule(
      changed(onDemandTable(), (r) => {
        r.ttl = { enabled: false, attributeName: "expiresAt" };
      }),
    );
    const on = renderModule(
      changed(onDemandTable(), (r) => {
        r.ttl = { enabled: true, attributeName: "expiresAt" };
      }),
    );
    expect(on["main.tf"]).toMatch(/\n {2}ttl \{/);
    // If the template stops rendering `ttl { enabled = false }`, set MODULE_OMITS_DISABLED_TTL to true.
    expect(/\n {2}ttl \{/.test(off["main.tf"] as string)).toBe(!MODULE_OMITS_DISABLED_TTL);
  });

  it("writes server_side_encryption { enabled = false } for an AWS owned key", () => {
    const owned = renderModule(
      changed(onDemandTable(), (r) => {
        r.encryption = { type: "AWS_OWNED" };
      }),
    );
    expect(renderModule(onDemandTable())["main.tf"]).toMatch(/server_side_encryption \{/);
    // If the template stops rendering `enabled = false`, set MODULE_OMITS_AWS_OWNED_SSE to true.
    expect(/server_side_encryption \{/.test(owned["main.tf"] as string)).toBe(!MODULE_OMITS_AWS_OWNED_SSE);
  });
});
