import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import type { TableRequest } from "../../lib/domain/request/schema";
import { detectTerraform } from "../../scripts/lib/terraform-toolchain.mjs";

/**
 * Real Terraform for tests, offline: the machine's `terraform` (1.11.4 here) and the filesystem
 * mirror of hashicorp/aws 5.100.0 (the only provider there; see shared/reference/toolchain.md,
 * "Terraform tooling"). Every module is planned in its own folder with fake credentials, sharing
 * one provider plugin cache, so an init links the provider instead of copying 670 MB.
 * Used by the real-Terraform suite and reusable wherever a true `terraform show -json` plan is
 * needed. Never skips quietly: `findTerraform` throws, naming what is missing.
 */

const run = promisify(execFile);

export interface TerraformToolchain {
  binary: string;
  version: string;
  /** The folder that holds `registry.terraform.io/hashicorp/aws/<version>`. */
  mirrorRoot: string;
  awsVersion: string;
  /** Environment for every terraform call: the CLI config, the shared cache, no telemetry. */
  env: Record<string, string | undefined>;
  /** "terraform: 1.11.4, aws 5.100.0 (mirror)". */
  summary: string;
}

export class TerraformUnavailableError extends Error {
  constructor(message: string) {
    super(`real Terraform is required for this suite and is not usable: ${message}`);
    this.name = "TerraformUnavailableError";
  }
}

/** Shared across test files and runs: the cache only ever holds what the local mirror holds. */
const WORK_ROOT = path.join(tmpdir(), "tablewright-terraform");
const PLUGIN_CACHE = path.join(WORK_ROOT, "plugin-cache");

let toolchain: Promise<TerraformToolchain> | undefined;

/** Finds terraform and the mirror, writes the CLI config; throws TerraformUnavailableError when either is missing. */
export function findTerraform(): Promise<TerraformToolchain> {
  toolchain ??= locate();
  return toolchain;
}

async function locate(): Promise<TerraformToolchain> {
  const found = detectTerraform();
  if (!found.ok) throw new TerraformUnavailableError(found.missing);
  mkdirSync(PLUGIN_CACHE, { recursive: true });
  const cliConfig = path.join(WORK_ROOT, "terraformrc");
  writeFileSync(
    cliConfig,
    [
      "provider_installation {",
      `  filesystem_mirror { path = ${JSON.stringify(found.mirrorRoot)} }`,
      '  direct { exclude = ["*/*/*"] }',
      "}",
      "",
    ].join("\n"),
  );
  const env: Record<string, string | undefined> = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    TMPDIR: process.env.TMPDIR,
    TF_CLI_CONFIG_FILE: cliConfig,
    TF_PLUGIN_CACHE_DIR: PLUGIN_CACHE,
    TF_IN_AUTOMATION: "1",
    TF_INPUT: "0",
    CHECKPOINT_DISABLE: "1",
    AWS_EC2_METADATA_DISABLED: "true",
  };
  return {
    binary: found.binary,
    version: found.version,
    mirrorRoot: found.mirrorRoot,
    awsVersion: found.awsVersion,
    env,
    summary: found.summary,
  };
}

/** Fake credentials for every provider configuration: plans run offline and never call AWS. */
function credentialsOverride(files: Record<string, string>): string {
  const aliases = [...(files["providers.tf"] ?? "").matchAll(/^\s*alias\s*=\s*"([^"]+)"/gm)].map((m) => m[1]);
  const body = [
    '  access_key                  = "AKIAIOSFODNN7EXAMPLE"',
    '  secret_key                  = "not-a-real-secret-key-for-offline-plans"',
    "  skip_credentials_validation = true",
    "  skip_requesting_account_id  = true",
    "  skip_metadata_api_check     = true",
  ];
  return [undefined, ...aliases]
    .map((alias) =>
      ['provider "aws" {', ...(alias ? [`  alias = ${JSON.stringify(alias)}`] : []), ...body, "}"].join("\n"),
    )
    .join("\n\n")
    .concat("\n");
}

export interface PlanOptions {
  /** Values for the module's input variables (written as terraform.tfvars.json). */
  vars?: Record<string, unknown>;
  /** A readable folder name prefix (the example or case name). */
  name?: string;
  /** Keep the folder after a successful plan (it is always kept after a failure, for reading). */
  keep?: boolean;
  /**
   * false plans against a `terraform.tfstate` passed in `files` without reading AWS
   * (`-refresh=false`): how a change to a live table is planned offline.
   */
  refresh?: boolean;
}

export interface TerraformDiagnostic {
  severity: "error" | "warning";
  summary: string;
  detail?: string;
}

export interface PlannedModule {
  dir: string;
  /** `terraform validate -json` diagnostics (warnings included; errors make planModule throw). */
  diagnostics: TerraformDiagnostic[];
  // biome-ignore lint/suspicious/noExplicitAny: the plan representation is Terraform's JSON.
  showJson: any;
  seconds: { init: number; validate: number; plan: number; show: number };
}

/** Bounds concurrent terraform processes (each plan runs a provider per configuration). */
const CONCURRENCY = Math.max(1, Number(process.env.TABLEWRIGHT_TF_CONCURRENCY ?? 2));
let running = 0;
const waiting: (() => void)[] = [];
async function withSlot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= CONCURRENCY) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

async function step(tc: TerraformToolchain, dir: string, args: string[], what: string): Promise<[string, number]> {
  const started = performance.now();
  try {
    const { stdout } = await run(tc.binary, args, {
      cwd: dir,
      env: tc.env as NodeJS.ProcessEnv,
      maxBuffer: 256 * 1024 * 1024,
    });
    return [stdout, (performance.now() - started) / 1000];
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    const output = e.stderr || e.stdout || e.message;
    // Terraform repeats one mistake per resource: the first screens say what is wrong.
    const shown =
      output.length > 6000 ? `${output.slice(0, 6000)}\n... (${output.length - 6000} more characters)` : output;
    throw new Error(`terraform ${what} failed in ${dir}:\n${shown}`);
  }
}

/**
 * Terraform's plugin cache is not safe for concurrent use (its documentation says so), and the
 * test files run in parallel worker processes that share it: an init that links the provider
 * while another process is still writing it fails with "it is still not detected in
 * .terraform/providers". Those failures are about the cache, not the module: start afresh and
 * try again; anything else fails at once.
 */
const CACHE_RACE =
  /still not detected in\s+\.terraform\/providers|text file busy|plugin-cache.*(no such file|file exists)/is;
async function initModule(tc: TerraformToolchain, dir: string): Promise<[string, number]> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await step(tc, dir, ["init", "-input=false", "-no-color", "-backend=false"], "init");
    } catch (error) {
      if (attempt >= 3 || !CACHE_RACE.test((error as Error).message)) throw error;
      rmSync(path.join(dir, ".terraform"), { recursive: true, force: true });
      await new Promise((resolve) => setTimeout(resolve, 500 + Math.random() * 1500));
    }
  }
}

/**
 * `terraform init`, `validate` and `plan`, then `show -json` of the plan, for a module given as
 * path -> content. Throws with Terraform's own message on any failure (the folder is kept).
 */
export async function planModule(files: Record<string, string>, options: PlanOptions = {}): Promise<PlannedModule> {
  const tc = await findTerraform();
  mkdirSync(WORK_ROOT, { recursive: true });
  const dir = mkdtempSync(path.join(WORK_ROOT, `${(options.name ?? "module").replace(/[^\w.-]/g, "_")}-`));
  for (const [file, content] of Object.entries(files)) writeFileSync(path.join(dir, file), content);
  writeFileSync(path.join(dir, "zz_offline_credentials_override.tf"), credentialsOverride(files));
  if (options.vars)
    writeFileSync(path.join(dir, "terraform.tfvars.json"), `${JSON.stringify(options.vars, null, 2)}\n`);
  return withSlot(async () => {
    const [, init] = await initModule(tc, dir);
    // validate exits 1 on an error, so step() throws with its JSON diagnostics.
    const [validateOut, validate] = await step(tc, dir, ["validate", "-json", "-no-color"], "validate");
    const report = JSON.parse(validateOut) as { valid: boolean; diagnostics: TerraformDiagnostic[] };
    const [, plan] = await step(
      tc,
      dir,
      [
        "plan",
        "-input=false",
        "-no-color",
        "-lock=false",
        ...(options.refresh === false ? ["-refresh=false"] : []),
        "-out=plan.out",
      ],
      "plan",
    );
    const [showOut, show] = await step(tc, dir, ["show", "-json", "-no-color", "plan.out"], "show");
    const planned: PlannedModule = {
      dir,
      diagnostics: report.diagnostics ?? [],
      showJson: JSON.parse(showOut),
      seconds: { init, validate, plan, show },
    };
    if (!options.keep) rmSync(dir, { recursive: true, force: true });
    return planned;
  });
}

/**
 * `terraform init` and `validate -json` only, with no credentials override: for provider
 * configuration that a plan would act on (an `assume_role` would call STS), checked against the
 * provider's schema offline. Returns the verdict instead of throwing on an invalid module.
 */
export async function validateModule(
  files: Record<string, string>,
  name = "validate",
): Promise<{ valid: boolean; diagnostics: TerraformDiagnostic[] }> {
  const tc = await findTerraform();
  mkdirSync(WORK_ROOT, { recursive: true });
  const dir = mkdtempSync(path.join(WORK_ROOT, `${name.replace(/[^\w.-]/g, "_")}-`));
  for (const [file, content] of Object.entries(files)) writeFileSync(path.join(dir, file), content);
  return withSlot(async () => {
    await initModule(tc, dir);
    // validate exits 1 when the module is invalid; its JSON report is on stdout either way.
    const report = await run(tc.binary, ["validate", "-json", "-no-color"], {
      cwd: dir,
      env: tc.env as NodeJS.ProcessEnv,
    }).then(
      (ok) => ok.stdout,
      (failed: { stdout?: string; message: string }) => failed.stdout || failed.message,
    );
    const parsed = JSON.parse(report) as { valid: boolean; diagnostics?: TerraformDiagnostic[] };
    rmSync(dir, { recursive: true, force: true });
    return { valid: parsed.valid, diagnostics: parsed.diagnostics ?? [] };
  });
}

/** Runs `terraform providers schema -json` in an initialised throwaway module for aws <awsVersion>. */
export async function readProviderSchema(): Promise<{
  awsVersion: string;
  // biome-ignore lint/suspicious/noExplicitAny: Terraform's provider schema JSON.
  resources: Record<string, any>;
}> {
  const tc = await findTerraform();
  mkdirSync(WORK_ROOT, { recursive: true });
  const dir = mkdtempSync(path.join(WORK_ROOT, "schema-"));
  writeFileSync(
    path.join(dir, "versions.tf"),
    `terraform {\n  required_providers {\n    aws = { source = "hashicorp/aws", version = "${tc.awsVersion}" }\n  }\n}\n`,
  );
  await initModule(tc, dir);
  const [out] = await step(tc, dir, ["providers", "schema", "-json"], "providers schema");
  rmSync(dir, { recursive: true, force: true });
  const schemas = JSON.parse(out).provider_schemas["registry.terraform.io/hashicorp/aws"];
  return { awsVersion: tc.awsVersion, resources: schemas.resource_schemas };
}

export interface BatchModule {
  /** A Terraform identifier: the module call's name. */
  name: string;
  files: Record<string, string>;
  /** Arguments of the module call (its input variables). */
  vars?: Record<string, unknown>;
}

/** Root-module text for a value: JSON is valid HCL for strings, numbers, lists and maps. */
function hclValue(value: unknown): string {
  return JSON.stringify(value);
}

/**
 * Plans many generated modules in one Terraform root, each called as a child module the way
 * providers.tf tells a caller to: its providers.tf left out, and the primary provider and every
 * alias its versions.tf declares (`configuration_aliases`) passed in. One init, validate, plan
 * and show for the whole batch, with one provider process per Region instead of per module and
 * alias, which is what keeps a large sample affordable. Read one module's resources with
 * `plannedResources(showJson, name)`.
 */
export async function planModules(modules: readonly BatchModule[], name = "batch"): Promise<PlannedModule> {
  const tc = await findTerraform();
  mkdirSync(WORK_ROOT, { recursive: true });
  const dir = mkdtempSync(path.join(WORK_ROOT, `${name}-`));
  const regions = new Set<string>();
  const calls: string[] = [];
  for (const m of modules) {
    const providers = m.files["providers.tf"] ?? "";
    const primary = /provider "aws" \{\n\s+region = "([^"]+)"/.exec(providers)?.[1];
    if (!primary) throw new Error(`${m.name}: no primary provider in providers.tf`);
    const aliases = [...providers.matchAll(/alias\s*=\s*"([^"]+)"\n\s+region\s*=\s*"([^"]+)"/g)].map(
      ([, alias, region]) => [alias as string, region as string] as const,
    );
    mkdirSync(path.join(dir, m.name));
    for (const [file, content] of Object.entries(m.files)) {
      if (file !== "providers.tf") writeFileSync(path.join(dir, m.name, file), content);
    }
    regions.add(primary);
    for (const [, region] of aliases) regions.add(region);
    const key = (region: string) => `aws.r_${region.replace(/-/g, "_")}`;
    calls.push(
      [
        `module ${JSON.stringify(m.name)} {`,
        `  source = "./${m.name}"`,
        "  providers = {",
        `    aws = ${key(primary)}`,
        ...aliases.map(([alias, region]) => `    aws.${alias} = ${key(region)}`),
        "  }",
        ...Object.entries(m.vars ?? {}).map(([k, v]) => `  ${k} = ${hclValue(v)}`),
        "}",
      ].join("\n"),
    );
  }
  const providerBlocks = [...regions]
    .sort()
    .map((region) =>
      [
        'provider "aws" {',
        `  alias                       = "r_${region.replace(/-/g, "_")}"`,
        `  region                      = "${region}"`,
        '  access_key                  = "AKIAIOSFODNN7EXAMPLE"',
        '  secret_key                  = "not-a-real-secret-key-for-offline-plans"',
        "  skip_credentials_validation = true",
        "  skip_requesting_account_id  = true",
        "  skip_metadata_api_check     = true",
        "}",
      ].join("\n"),
    );
  writeFileSync(path.join(dir, "main.tf"), `${[...providerBlocks, ...calls].join("\n\n")}\n`);
  return withSlot(async () => {
    const [, init] = await initModule(tc, dir);
    const [validateOut, validate] = await step(tc, dir, ["validate", "-json", "-no-color"], "validate");
    const report = JSON.parse(validateOut) as { diagnostics: TerraformDiagnostic[] };
    const [, plan] = await step(tc, dir, ["plan", "-input=false", "-no-color", "-lock=false", "-out=plan.out"], "plan");
    const [showOut, show] = await step(tc, dir, ["show", "-json", "-no-color", "plan.out"], "show");
    rmSync(dir, { recursive: true, force: true });
    return {
      dir,
      diagnostics: report.diagnostics ?? [],
      showJson: JSON.parse(showOut),
      seconds: { init, validate, plan, show },
    };
  });
}

/**
 * Inputs a rendered module needs that its request cannot fill: an SNS topic per alarm Region.
 * Here, not beside the renderer, so a plan of a downloaded bundle needs no engine code.
 */
export function alarmVarsFor(request: TableRequest, files: Record<string, string>): Record<string, unknown> {
  const topic = (region: string) => `arn:aws:sns:${region}:123456789012:${request.tableName}-alerts`;
  const vars: Record<string, unknown> = {};
  if (files["variables.tf"]?.includes('variable "alarm_actions"'))
    vars.alarm_actions = [topic(request.regions.primary)];
  if (files["variables.tf"]?.includes('variable "replica_alarm_actions"')) {
    vars.replica_alarm_actions = Object.fromEntries(
      request.regions.replicas.filter((r) => r.role === "ACTIVE").map((r) => [r.region, [topic(r.region)]]),
    );
  }
  return vars;
}
