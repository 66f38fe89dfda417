import type { CliCommand } from "../command";
import { bundleCommand } from "./bundle";
import { downloadCommand } from "./download";
import { drCommand } from "./dr";
import { estimateCommand } from "./estimate";
import { importCommand } from "./import";
import { mcpCommand } from "./mcp";
import { planChangeCommand } from "./plan-change";
import { renderCommand } from "./render";
import { statusCommand } from "./status";
import { submitCommand } from "./submit";
import { validateCommand } from "./validate";
import { verifyCommand } from "./verify";

/** Every `tablewright` sub-command, in the order `--help` lists them. */
export const COMMANDS: readonly CliCommand[] = [
  validateCommand,
  estimateCommand,
  drCommand,
  planChangeCommand,
  renderCommand,
  bundleCommand,
  verifyCommand,
  importCommand,
  submitCommand,
  statusCommand,
  downloadCommand,
  mcpCommand,
];
