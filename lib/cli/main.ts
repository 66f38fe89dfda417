import { documentedOptions, findUnknownOption, parseArgs } from "./args";
import { type CliIo, EXIT } from "./command";
import { COMMANDS, type CommandEntry } from "./commands";
import { describeFsError, isFsError } from "./write-output";

function helpText(commands: readonly CommandEntry[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    "tablewright: validate, price, preview, plan and render DynamoDB table requests.",
    "",
    "Usage: tablewright <command> [options]",
    "",
    "Commands:",
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "Run `tablewright <command> --help` for a command's options.",
    "Exit codes: 0 ok, 1 invalid request or failed check, 2 unreadable input, bad usage or unwritable --out.",
  ].join("\n");
}

/** Entry point shared by bin/tablewright.mjs and the in-process CLI tests. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    io.stdout(`${helpText(COMMANDS)}\n`);
    return name ? 0 : 2;
  }
  const entry = COMMANDS.find((c) => c.name === name);
  if (!entry) {
    io.stderr(`tablewright: unknown command "${name}"\n\n${helpText(COMMANDS)}\n`);
    return 2;
  }
  const command = await entry.load();
  if (rest.includes("--help") || rest.includes("-h")) {
    io.stdout(`${command.usage}\n`);
    return 0;
  }
  // A misspelt option must not fall back to a default (`--polcy` once meant the shipped policy).
  const unknown = findUnknownOption(parseArgs(rest).flags, documentedOptions(command.usage));
  if (unknown) {
    const hint = unknown.suggestion ? ` (did you mean --${unknown.suggestion}?)` : "";
    io.stderr(`tablewright ${name}: unknown option --${unknown.option}${hint}\n\n${command.usage}\n`);
    return 2;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    // Commands report the file errors they expect; one they missed is still bad input or a bad
    // --out, never a stack trace.
    if (!isFsError(error)) throw error;
    const where = error.path ? ` ${error.path}` : "";
    io.stderr(`tablewright ${name}: ${error.syscall}${where}: ${describeFsError(error)}\n`);
    return EXIT.unreadable;
  }
}

/** Default I/O bound to the real process. */
export function processIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString("utf8");
    },
  };
}
