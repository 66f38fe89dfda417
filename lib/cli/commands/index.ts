import type { CliCommand } from "../command";
import { bundleCommand } from "./bundle";
import { drCommand } from "./dr";
import { estimateCommand } from "./estimate";
import { importCommand } from "./import";
import { renderCommand } from "./render";
import { validateCommand } from "./validate";
import { verifyCommand } from "./verify";

/** Every `tablewright` sub-command, in the order `--help` lists them. */
export const COMMANDS: readonly CliCommand[] = [
  validateCommand,
  estimateCommand,
  drCommand,
  renderCommand,
  bundleCommand,
  verifyCommand,
  importCommand,
];
