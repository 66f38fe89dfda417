// Prints, as JSON, each example request of examples/requests/{invalid,warnings} as the form opens
// it, with the engine's issues mapped to form paths. The issue-paths e2e runs this through tsx
// because Playwright's loader refuses the engine's JSON imports (policy, price list).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { toFormPath } from "../../components/request-form/field-paths";
import { fromStoredRequest, initialFormValues } from "../../components/request-form/form-defaults";
import { analyzeTableRequest } from "../../lib/domain/analyze-request";
import { DEFAULT_TIER_POLICY } from "../../lib/domain/policy/default-policy";
import { VALIDATION_CODES } from "../../lib/domain/validation/codes";

const EXAMPLES = path.resolve(import.meta.dirname, "../../examples/requests");
const [teams, requesterEmail] = [["checkout", "payments", "identity"], process.argv[2] ?? "dana@example.com"];
const blank = initialFormValues({ teams, requesterEmail }, DEFAULT_TIER_POLICY);

const cases = [];
for (const dir of ["invalid", "warnings"]) {
  for (const file of readdirSync(path.join(EXAMPLES, dir)).sort()) {
    const request = JSON.parse(readFileSync(path.join(EXAMPLES, dir, file), "utf8"));
    const values = fromStoredRequest(request, blank);
    const analysis = analyzeTableRequest(request, { policy: DEFAULT_TIER_POLICY, render: false });
    cases.push({
      file: `${dir}/${file}`,
      values,
      issues: analysis.allIssues.map((i) => ({ code: i.code, path: toFormPath(i.path, values, i.code) })),
    });
  }
}
process.stdout.write(JSON.stringify({ codes: Object.keys(VALIDATION_CODES), cases }));
