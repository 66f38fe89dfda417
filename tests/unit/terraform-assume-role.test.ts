import { describe, expect, it } from "vitest";
import { renderModule } from "../../lib/domain/terraform";
import { loadValidExamples, parseModule } from "../../lib/domain/terraform/test-support";

const TARGET = {
  accountId: "210987654321",
  roleArn: "arn:aws:iam::210987654321:role/platform/tablewright-deployer",
  externalId: "tablewright-prod",
};

// The copy vault lives in a second Region: on provider 5 that Region gets an aliased provider.
const crossRegion = loadValidExamples().find((e) => e.name === "backup-cross-region-copy");
const example = loadValidExamples()[0];

describe("a team mapped to another account gets an assume_role provider", () => {
  if (!example || !crossRegion) throw new Error("the valid example requests are missing");

  it("renders allowed_account_ids and assume_role with the role and external ID", async () => {
    const files = renderModule(example.request, { accountTarget: TARGET });
    const hcl = await parseModule(files);
    const provider = hcl["providers.tf"]?.provider?.aws?.[0];
    expect(provider.region).toBe(example.request.regions.primary);
    expect(provider.allowed_account_ids).toEqual([TARGET.accountId]);
    expect(provider.assume_role).toEqual([{ role_arn: TARGET.roleArn, external_id: TARGET.externalId }]);
  });

  it("leaves the provider as it was without a mapping", async () => {
    const hcl = await parseModule(renderModule(example.request));
    const provider = hcl["providers.tf"]?.provider?.aws?.[0];
    expect(provider.assume_role).toBeUndefined();
    expect(provider.allowed_account_ids).toBeUndefined();
  });

  it("on provider 5, every aliased provider assumes the same role (no Region falls back to the default account)", async () => {
    const files = renderModule(crossRegion.request, { accountTarget: TARGET, awsProviderMajor: 5 });
    const providers = (await parseModule(files))["providers.tf"]?.provider?.aws as Record<string, unknown>[];
    expect(providers.length).toBeGreaterThan(1);
    expect(providers.some((p) => typeof p.alias === "string")).toBe(true);
    for (const p of providers) {
      expect(p.allowed_account_ids).toEqual([TARGET.accountId]);
      expect(p.assume_role).toEqual([{ role_arn: TARGET.roleArn, external_id: TARGET.externalId }]);
    }
  });
});
