import { findTerraform, planModule } from "../support/terraform";

/**
 * The real-Terraform suite needs terraform and the offline hashicorp/aws mirror. Say which ran, or
 * fail the whole suite loudly when either is missing: it never passes by planning nothing. Warms
 * the shared provider cache with one plan before test files start, so parallel inits only link.
 */
export default async function setup() {
  const tc = await findTerraform();
  console.log(tc.summary);
  await planModule(
    {
      "main.tf": `terraform {\n  required_providers {\n    aws = { source = "hashicorp/aws", version = "${tc.awsVersion}" }\n  }\n}\n\nprovider "aws" {\n  region = "us-east-1"\n}\n`,
    },
    { name: "warm-cache" },
  );
}
