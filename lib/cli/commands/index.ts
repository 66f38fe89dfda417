import type { CliCommand } from "../command";

/** A command as `tablewright --help` lists it, and how to load the rest of it. */
export interface CommandEntry {
  name: string;
  /** One line for `tablewright --help`. */
  summary: string;
  /**
   * The command's module, imported only when it runs (or prints its usage): a process loads the
   * engine, zod or the AWS SDK only when its command needs them, which keeps start-up near bare
   * Node's (the CLI build splits each command into its own chunk).
   */
  load: () => Promise<CliCommand>;
}

/** Every `tablewright` sub-command, in the order `--help` lists them. */
export const COMMANDS: readonly CommandEntry[] = [
  {
    name: "validate",
    summary: "Check a table request against AWS limits and the tier policy (prints JSON issues)",
    load: async () => (await import("./validate")).validateCommand,
  },
  {
    name: "estimate",
    summary: "Estimate a table request's monthly AWS cost per Region (prints JSON)",
    load: async () => (await import("./estimate")).estimateCommand,
  },
  {
    name: "dr",
    summary: "Preview what happens to a table request when a Region fails (prints JSON)",
    load: async () => (await import("./dr")).drCommand,
  },
  {
    name: "plan-change",
    summary: "Plan the steps, durations and risk of changing a live table (prints JSON)",
    load: async () => (await import("./plan-change")).planChangeCommand,
  },
  {
    name: "render",
    summary: "Write the Terraform module for a valid request into a directory",
    load: async () => (await import("./render")).renderCommand,
  },
  {
    name: "bundle",
    summary: "Write the Terraform module for a valid request as a zip with a SHA-256 manifest",
    load: async () => (await import("./bundle")).bundleCommand,
  },
  {
    name: "verify",
    summary: "Compare a request with the live DynamoDB table (prints differences as JSON)",
    load: async () => (await import("./verify")).verifyCommand,
  },
  {
    name: "import",
    summary: "Print the request an existing DynamoDB table implies (brownfield adoption)",
    load: async () => (await import("./import")).importCommand,
  },
  {
    name: "attest",
    summary: "Check a `terraform show -json` plan against a request: attested or the violations (prints JSON)",
    load: async () => (await import("./attest")).attestCommand,
  },
  {
    name: "submit",
    summary: "Create a change request on the portal from a request file (remote)",
    load: async () => (await import("./submit")).submitCommand,
  },
  {
    name: "status",
    summary: "Show a change request's status, approvals and bundle checksums (remote)",
    load: async () => (await import("./status")).statusCommand,
  },
  {
    name: "download",
    summary: "Download and verify the approved Terraform bundle of a change request (remote)",
    load: async () => (await import("./download")).downloadCommand,
  },
  {
    name: "mcp",
    summary: "Run an MCP server on stdio so AI agents can validate, price, render and submit requests",
    load: async () => (await import("./mcp")).mcpCommand,
  },
];
