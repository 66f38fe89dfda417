/**
 * Regenerates the real plans the attestation's unit tests read (lib/domain/attest/__fixtures__):
 * valid example requests rendered for hashicorp/aws 5.x, planned by the machine's real Terraform
 * with the offline 5.100 mirror (tests/support/terraform.ts), saved as `terraform show -json`.
 * Run: `npx tsx scripts/generate-plan-fixtures.ts` (about a minute). Needs terraform on the PATH.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { renderModule } from "../lib/domain/terraform";
import { loadValidExamples } from "../lib/domain/terraform/test-support";
import { alarmVarsFor, planModule } from "../tests/support/terraform";

export const PLAN_FIXTURE_EXAMPLES = ["active-passive-standby", "provisioned-global", "lsi-table"] as const;
const OUT = path.resolve(import.meta.dirname, "../lib/domain/attest/__fixtures__");

async function main() {
  const examples = loadValidExamples().filter((e) => (PLAN_FIXTURE_EXAMPLES as readonly string[]).includes(e.name));
  await Promise.all(
    examples.map(async ({ name, request }) => {
      const files = renderModule(request, { awsProviderMajor: 5 });
      const planned = await planModule(files, { name, vars: alarmVarsFor(request, files) });
      // Fixed fields that change on every run would churn the fixture: keep the rest as Terraform wrote it.
      const { timestamp: _timestamp, ...plan } = planned.showJson;
      writeFileSync(path.join(OUT, `${name}.plan.json`), `${JSON.stringify(plan)}\n`);
      console.log(`${name}: ${planned.showJson.resource_changes.length} resource changes`);
    }),
  );
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
