/** Minimal flag parsing for the CLI: positional arguments and `--flag value` / `--flag=value` pairs. */
export interface ParsedArgs {
  positional: string[];
  flags: Record<string, string | true>;
}

export function parseArgs(args: string[]): ParsedArgs {
  const positional: string[] = [];
  const flags: Record<string, string | true> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg.startsWith("--")) {
      const eq = arg.indexOf("=");
      if (eq > 0) {
        flags[arg.slice(2, eq)] = arg.slice(eq + 1);
      } else {
        const next = args[i + 1];
        if (next !== undefined && !next.startsWith("--")) {
          flags[arg.slice(2)] = next;
          i++;
        } else {
          flags[arg.slice(2)] = true;
        }
      }
    } else {
      positional.push(arg);
    }
  }
  return { positional, flags };
}

/** The options a usage text documents (`--name`): what the command accepts, so the two never drift. */
export function documentedOptions(usage: string): Set<string> {
  return new Set([...usage.matchAll(/--([a-z][a-z0-9-]*)/g)].map((m) => m[1] as string));
}

/**
 * The first option in `flags` the command does not know, with the known one it most likely meant
 * (at most two edits away, or one it is a prefix of); undefined when every option is known.
 */
export function findUnknownOption(
  flags: Record<string, unknown>,
  known: ReadonlySet<string>,
): { option: string; suggestion?: string } | undefined {
  const option = Object.keys(flags).find((name) => !known.has(name));
  if (option === undefined) return undefined;
  let best: { name: string; distance: number } | undefined;
  for (const name of known) {
    const distance = name.startsWith(option) ? 1 : editDistance(option, name);
    if (distance <= 2 && (!best || distance < best.distance)) best = { name, distance };
  }
  return { option, suggestion: best?.name };
}

/** Levenshtein distance: insertions, deletions and substitutions. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
    }
    previous = current;
  }
  return previous[b.length] as number;
}
