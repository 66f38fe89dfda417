/** One `tablewright <name>` sub-command. `run` returns the process exit code. */
export interface CliCommand {
  name: string;
  /**
   * Full usage text for `tablewright <name> --help`. It names every option the command accepts:
   * runCli refuses any `--option` it does not mention (exit 2, with the likeliest one meant).
   */
  usage: string;
  run(args: string[], io: CliIo): Promise<number>;
}

/** What a command may touch, so tests can run commands in-process. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readStdin: () => Promise<string>;
  cwd: string;
}

/** Exit codes shared by every command. */
export const EXIT = { ok: 0, invalid: 1, unreadable: 2 } as const;
