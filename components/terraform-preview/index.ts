/** The Terraform module preview: file tabs, HCL highlighting, copy and zip download. */
export { tokenizeHcl } from "./highlight-hcl";
export { TerraformPreview } from "./terraform-preview";
