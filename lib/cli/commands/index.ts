import type { CliCommand } from "../command";
import { bundleCommand } from "./bundle";
import { drCommand } from "./dr";
import { estimateCommand } from "./estimate";
import { renderCommand } from "./render";
import { validateCommand } from "./validate";

/** Every `tablewright` sub-command, in the order `--help` lists them. */
export const COMMANDS: readonly CliCommand[] = [
  validateCommand,
  estimateCommand,
  drCommand,
  renderCommand,
  bundleCommand,
];
