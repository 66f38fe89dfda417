/**
 * What the generated module (terraform-templates/main.tf.ts) does with a switched-off setting.
 * Both facts were checked with Terraform 1.11.4 and hashicorp/aws 5.100.0 against a state that had
 * the setting on (`terraform plan -refresh=false`): leaving the block out plans no change, because
 * both blocks are Optional+Computed in the provider. `module-behaviour.test.ts` renders the module
 * and fails when the template starts rendering the block, so these flags cannot go stale.
 */

/** The module leaves the `ttl` block out when TTL is off, so terraform apply never disables TTL. */
export const MODULE_OMITS_DISABLED_TTL = true;

/** The module leaves `server_side_encryption` out for AWS-owned keys, so it never switches back to one. */
export const MODULE_OMITS_AWS_OWNED_SSE = true;
