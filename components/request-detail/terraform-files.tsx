"use client";

import { CopyButton } from "@/components/ui/copy-button";
import { Tabs } from "@/components/ui/tabs";
import { useTabsOverflow } from "@/components/ui/use-tabs-overflow";
import styles from "./request-detail.module.css";

// The module's conventional reading order; anything else follows alphabetically.
const ORDER = ["main.tf", "variables.tf", "outputs.tf", "providers.tf", "versions.tf", "README.md"];

function rank(path: string): number {
  const i = ORDER.indexOf(path);
  return i === -1 ? ORDER.length : i;
}

/**
 * The rendered Terraform module, one read-only tab per file, each with a copy button. When the
 * file tabs do not fit (phones), a line says how many files there are and how to reach the rest,
 * besides the shadow at the cut edge.
 */
export function TerraformFiles({ files, revision }: { files: Record<string, string>; revision: number }) {
  const paths = Object.keys(files).sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  const { box, overflows, atEnd } = useTabsOverflow();
  if (paths.length === 0) return <p className={styles.muted}>This revision rendered no files.</p>;
  return (
    <div ref={box}>
      {overflows && (
        <p className={styles.scrollCue} data-testid="tabs-scroll-cue">
          {paths.length} files{atEnd ? "" : ": scroll the tabs sideways, or use the arrow keys, for the rest"}{" "}
          <span aria-hidden="true">{atEnd ? "" : "→"}</span>
        </p>
      )}
      <Tabs
        label={`Terraform files of revision ${revision}`}
        items={paths.map((path) => ({
          id: path,
          label: path,
          content: (
            <div className={styles.file}>
              <div className={styles.fileBar}>
                <span className={styles.small}>
                  <code>{path}</code> · {files[path]?.split("\n").length ?? 0} lines · read-only
                </span>
                <CopyButton text={files[path] ?? ""} label={`Copy ${path}`} />
              </div>
              {/* biome-ignore lint/a11y/noNoninteractiveTabindex: scrollable code must be reachable by keyboard */}
              <section aria-label={`${path} contents`} tabIndex={0} className={styles.code}>
                <pre>
                  <code>{files[path]}</code>
                </pre>
              </section>
            </div>
          ),
        }))}
      />
    </div>
  );
}
