import type { CliCommand } from "../command";

// Placeholder until the validate command lands; replaced by its owner, never committed as is.
export const validateCommand: CliCommand = {
  name: "validate",
  summary: "(not built yet)",
  usage: "tablewright validate",
  run: async (_args, io) => {
    io.stderr("tablewright validate: not built yet\n");
    return 2;
  },
};
