import type { CliCommand } from "../command";

// Placeholder until the dr command lands; replaced by its owner, never committed as is.
export const drCommand: CliCommand = {
  name: "dr",
  summary: "(not built yet)",
  usage: "tablewright dr",
  run: async (_args, io) => {
    io.stderr("tablewright dr: not built yet\n");
    return 2;
  },
};
