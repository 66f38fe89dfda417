import type { CliCommand } from "../command";

// Placeholder until the estimate command lands; replaced by its owner, never committed as is.
export const estimateCommand: CliCommand = {
  name: "estimate",
  summary: "(not built yet)",
  usage: "tablewright estimate",
  run: async (_args, io) => {
    io.stderr("tablewright estimate: not built yet\n");
    return 2;
  },
};
