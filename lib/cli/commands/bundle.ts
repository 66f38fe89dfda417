import type { CliCommand } from "../command";

// Placeholder until the bundle command lands; replaced by its owner, never committed as is.
export const bundleCommand: CliCommand = {
  name: "bundle",
  summary: "(not built yet)",
  usage: "tablewright bundle",
  run: async (_args, io) => {
    io.stderr("tablewright bundle: not built yet\n");
    return 2;
  },
};
