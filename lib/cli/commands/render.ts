import type { CliCommand } from "../command";

// Placeholder until the render command lands; replaced by its owner, never committed as is.
export const renderCommand: CliCommand = {
  name: "render",
  summary: "(not built yet)",
  usage: "tablewright render",
  run: async (_args, io) => {
    io.stderr("tablewright render: not built yet\n");
    return 2;
  },
};
