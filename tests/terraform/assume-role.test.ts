import { describe, expect, it } from "vitest";
import { renderModule } from "../../lib/domain/terraform";
import { loadValidExamples } from "../../lib/domain/terraform/test-support";
import { validateModule } from "../support/terraform";

const TARGET = {
  accountId: "210987654321",
  roleArn: "arn:aws:iam::210987654321:role/platform/tablewright-deployer",
  externalId: "tablewright-prod",
};

// The whole module, written for provider 5 (the offline mirror holds 5.100), validated by real
// Terraform: the provider blocks with assume_role and allowed_account_ids, aliases included.
// Validate only: a plan would configure the provider, and assume_role would then call STS.
describe("real Terraform accepts the provider of a team mapped to another account", () => {
  const example = loadValidExamples().find((e) => e.name === "backup-cross-region-copy");
  if (!example) throw new Error("examples/requests/valid/backup-cross-region-copy.json is missing");
  const files = renderModule(example.request, { accountTarget: TARGET, awsProviderMajor: 5 });

  it("terraform validate accepts the module", async () => {
    const result = await validateModule(files, "assume-role");
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("terraform validate catches a wrong argument in the block (the check can fail)", async () => {
    const broken = { ...files, "providers.tf": (files["providers.tf"] as string).replace("role_arn", "role_name") };
    const result = await validateModule(broken, "assume-role-broken");
    expect(result.valid).toBe(false);
    expect(result.diagnostics.map((d) => d.summary).join(" ")).toMatch(/Unsupported argument/);
  });
});
