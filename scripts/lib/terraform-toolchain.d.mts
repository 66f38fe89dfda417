// Types for terraform-toolchain.mjs, so the TypeScript real-Terraform suite can use it under strict mode.
export function findAwsMirror(): { root: string; awsVersion: string } | undefined;
export type TerraformDetection =
  | { ok: true; binary: string; version: string; mirrorRoot: string; awsVersion: string; summary: string }
  | { ok: false; missing: string };
export function detectTerraform(): TerraformDetection;
