import type { AwsProviderMajor } from "../terraform/model";

/**
 * The resource addresses (`type.name`) a rendered module declares, read from its `.tf` files.
 * The renderer writes every resource block at the start of a line with static labels (no count or
 * for_each), so this is the module's exact resource set: derived from the bytes the reviewers
 * approved, never from a hand-kept list.
 */
export function listModuleResources(files: Readonly<Record<string, string>>): string[] {
  const out = new Set<string>();
  for (const [path, content] of Object.entries(files)) {
    if (!path.endsWith(".tf")) continue;
    for (const match of content.matchAll(/^resource\s+"([^"]+)"\s+"([^"]+)"/gm)) out.add(`${match[1]}.${match[2]}`);
  }
  return [...out].sort();
}

/** The hashicorp/aws major a rendered module targets, from the upper bound in its versions.tf. */
export function detectProviderMajor(files: Readonly<Record<string, string>>): AwsProviderMajor | undefined {
  const constraint = /source\s*=\s*"hashicorp\/aws"\s*\n\s*version\s*=\s*"([^"]+)"/.exec(
    files["versions.tf"] ?? "",
  )?.[1];
  const below = constraint ? /<\s*(\d+)\.0\.0/.exec(constraint)?.[1] : undefined;
  if (below === "6") return 5;
  if (below === "7") return 6;
  return undefined;
}
