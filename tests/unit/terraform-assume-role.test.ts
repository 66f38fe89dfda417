import { beforeAll, describe, expect, it } from "vitest";
import { renderModule } from "../../lib/domain/terraform";
import { loadValidExamples, parseModule } from "../../lib/domain/terraform/test-support";
import { requireTerraform, type TerraformTool } from "../support/terraform";

const TARGET = {
  accountId: "210987654321",
  roleArn: "arn:aws:iam::210987654321:role/platform/tablewright-deployer",
  externalId: "tablewright-prod",
};

// The module pins hashicorp/aws >= 6 and the mirror holds 5.100 only, so real Terraform
// validates the provider configuration on its own (the `provider "aws"` block and its
// `assume_role` schema are the same in 5.x and 6.x) with a versions.tf that asks for 5.100.
// Terraform checks a provider block against its schema only when something uses the provider.
const PROBE = `data "aws_caller_identity" "current" {}\n`;
const VERSIONS_5_100 = `terraform {\n  required_providers {\n    aws = {\n      source  = "hashicorp/aws"\n      version = "5.100.0"\n    }\n  }\n}\n`;

describe("a team mapped to another account gets an assume_role provider", () => {
  const example = loadValidExamples()[0];
  if (!example) throw new Error("no valid example requests");

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

  describe("with real Terraform", () => {
    let terraform: TerraformTool;
    beforeAll(() => {
      terraform = requireTerraform();
      expect(terraform.awsVersions).toContain("5.100.0");
    });

    it("terraform validate accepts the rendered provider", () => {
      const files = renderModule(example.request, { accountTarget: TARGET });
      const result = terraform.validate({
        "providers.tf": files["providers.tf"] as string,
        "versions.tf": VERSIONS_5_100,
        "probe.tf": PROBE,
      });
      expect(result.diagnostics).toEqual([]);
      expect(result.valid).toBe(true);
    }, 90_000);

    it("terraform validate would catch a wrong argument in the block (the check can fail)", () => {
      const files = renderModule(example.request, { accountTarget: TARGET });
      const broken = (files["providers.tf"] as string).replace("role_arn", "role_name");
      const result = terraform.validate({ "providers.tf": broken, "versions.tf": VERSIONS_5_100, "probe.tf": PROBE });
      expect(result.valid).toBe(false);
      expect(result.diagnostics.map((d) => d.summary).join(" ")).toMatch(/Unsupported argument/);
    }, 90_000);
  });
});
