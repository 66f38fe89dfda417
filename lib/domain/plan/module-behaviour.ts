/**
 * What the generated module (terraform-templates/main.tf.ts) does with a switched-off setting.
 * Leaving the `ttl` or `server_side_encryption` block out plans no change (checked with Terraform
 * 1.11.4 and hashicorp/aws 5.100.0 against a state that had the setting on, `terraform plan
 * -refresh=false`), because both blocks are Optional+Computed in the provider. So the module always
 * writes them, also when off: `ttl { enabled = false }` and `server_side_encryption { enabled = false }`,
 * and terraform apply itself turns TTL off or returns to the AWS-owned key. `module-behaviour.test.ts`
 * renders the module and fails when the template stops rendering the blocks, so these flags cannot go stale.
 */

/** False: the module writes `ttl { enabled = false }` when TTL is off, so terraform apply disables TTL. */
export const MODULE_OMITS_DISABLED_TTL = false;

/** False: the module writes `server_side_encryption { enabled = false }` for AWS-owned keys, so apply returns to one. */
export const MODULE_OMITS_AWS_OWNED_SSE = false;
