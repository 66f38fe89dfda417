import { beforeAll, describe, expect, it } from "vitest";
import { attestPlan, TerraformPlanSchema } from "../../lib/domain/attest";
import type { TableRequest } from "../../lib/domain/request/schema";
import { renderModule } from "../../lib/domain/terraform";
import { loadValidExamples } from "../../lib/domain/terraform/test-support";
import { alarmVarsFor, findTerraform, planModule } from "../support/terraform";

/**
 * The attestation against plans real Terraform 1.11.4 (offline hashicorp/aws 5.100) makes: the
 * module as rendered attests; the same module edited by hand, the way someone might between
 * approval and apply, gives the violations that name the edit.
 */

const EXAMPLE = "active-passive-standby";
const request = loadValidExamples().find((e) => e.name === EXAMPLE)?.request as TableRequest;
const rendered = renderModule(request, { awsProviderMajor: 5 });

function edited(edit: (files: Record<string, string>) => void): Record<string, string> {
  const files = { ...rendered };
  edit(files);
  return files;
}

/** Replaces text that must be there, so a change in the renderer's output fails loudly, not silently. */
function replaceIn(files: Record<string, string>, file: string, from: string | RegExp, to: string) {
  const before = files[file] ?? "";
  const after = before.replace(from, to);
  if (after === before) throw new Error(`${file}: ${String(from)} not found; the edit needs updating`);
  files[file] = after;
}

async function planAndAttest(name: string, files: Record<string, string>) {
  const planned = await planModule(files, { name, vars: alarmVarsFor(request, rendered) });
  const plan = TerraformPlanSchema.parse(planned.showJson);
  return attestPlan(plan, { request, awsProviderMajor: 5, operationPlan: null, isDestructiveAcknowledged: false });
}

const paths = (result: { findings: { path: string; code: string }[] }) =>
  result.findings.map((f) => `${f.code} ${f.path}`);

beforeAll(async () => {
  const tc = await findTerraform();
  expect(tc.awsVersion).toMatch(/^5\./);
});

describe.concurrent(`real plans of ${EXAMPLE} (hashicorp/aws 5.x)`, () => {
  it("the module as rendered attests", async () => {
    const result = await planAndAttest("attest-as-rendered", rendered);
    expect(result.findings).toEqual([]);
    expect(result.verdict).toBe("ATTESTED");
  });

  it("billing mode changed by hand", async () => {
    const files = edited((f) => {
      replaceIn(
        f,
        "main.tf",
        /billing_mode\s+= "PAY_PER_REQUEST"/,
        'billing_mode = "PROVISIONED"\n  read_capacity = 5\n  write_capacity = 5',
      );
      replaceIn(
        f,
        "main.tf",
        /projection_type = "ALL"/,
        'projection_type = "ALL"\n    read_capacity = 5\n    write_capacity = 5',
      );
    });
    const result = await planAndAttest("attest-billing", files);
    expect(result.verdict).toBe("VIOLATIONS");
    expect(paths(result)).toContain("ATTRIBUTE_MISMATCH billing.mode");
  });

  it("a GSI removed by hand", async () => {
    const files = edited((f) => {
      replaceIn(f, "main.tf", /\n {2}global_secondary_index \{[^}]*\}\n/, "\n");
      // Terraform refuses attribute definitions no key uses, so they go with the index.
      replaceIn(f, "main.tf", /\n {2}attribute \{\n\s+name = "customerId"[^}]*\}\n/, "\n");
      replaceIn(f, "main.tf", /\n {2}attribute \{\n\s+name = "issuedAt"[^}]*\}\n/, "\n");
    });
    const result = await planAndAttest("attest-gsi", files);
    expect(result.verdict).toBe("VIOLATIONS");
    expect(paths(result)).toContain('ATTRIBUTE_MISMATCH globalSecondaryIndexes["by-customer"]');
  });

  it("an extra resource added by hand", async () => {
    const files = edited((f) => {
      f["main.tf"] = `${f["main.tf"]}\nresource "aws_sns_topic" "extra" {\n  name = "extra"\n}\n`;
    });
    const result = await planAndAttest("attest-extra", files);
    expect(paths(result)).toEqual(['RESOURCE_EXTRA resources["aws_sns_topic.extra"]']);
  });

  it("a replica removed by hand", async () => {
    const files = edited((f) => {
      delete f["replicas.tf"];
      replaceIn(f, "iam.tf", /\n\s*aws_dynamodb_table_replica\.us_west_2\.arn,/, "");
      replaceIn(f, "outputs.tf", /\n\s*us-west-2 = aws_dynamodb_table_replica\.us_west_2\.arn/, "");
    });
    const result = await planAndAttest("attest-replica", files);
    expect(paths(result).sort()).toEqual(
      [
        'REPLICA_MISSING regions.replicas["us-west-2"]',
        'RESOURCE_MISSING resources["aws_dynamodb_table_replica.us_west_2"]',
      ].sort(),
    );
  });
});
