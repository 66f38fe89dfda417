"use client";

import { useState } from "react";
import { TabList, tabPanelProps } from "@/components/request-form/tab-list";
import { Button } from "@/components/ui/button";
import { useTabsOverflow } from "@/components/ui/use-tabs-overflow";
import { zipModule } from "@/lib/domain/bundle";
import { HighlightedCode } from "./highlighted-code";
import styles from "./terraform-preview.module.css";

// The files people read first go first; the rest follow alphabetically.
const FILE_ORDER = ["main.tf", "variables.tf", "outputs.tf", "providers.tf", "versions.tf"];

function orderFiles(paths: string[]): string[] {
  return [...paths].sort((a, b) => {
    const ia = FILE_ORDER.indexOf(a);
    const ib = FILE_ORDER.indexOf(b);
    if (ia >= 0 || ib >= 0) return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib);
    return a.localeCompare(b);
  });
}

/** Builds the zip in the browser (the same bytes the server's bundle holds) and hands it to the browser. */
function downloadZip(folder: string, files: Record<string, string>) {
  const bytes = zipModule(folder, files);
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: "application/zip" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = `${folder}.zip`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * The generated Terraform module: a tab per file, highlighted, with copy and a zip download. When
 * the file tabs do not fit (phones), the toolbar says how to reach the rest.
 */
export function TerraformPreview({ files, folder }: { files?: Record<string, string>; folder: string }) {
  const paths = files ? orderFiles(Object.keys(files)) : [];
  const [selected, setSelected] = useState("main.tf");
  const [copied, setCopied] = useState<string | null>(null);
  const { box, overflows, atEnd } = useTabsOverflow(paths.length > 0);
  if (!files || paths.length === 0) {
    return (
      <p className={styles.empty} data-testid="terraform-unavailable">
        The module is generated once the request has no errors. See the Checks tab for what to fix.
      </p>
    );
  }
  const current = paths.includes(selected) ? selected : (paths[0] as string);
  const content = files[current] ?? "";
  return (
    <div className={styles.preview}>
      <div className={styles.toolbar}>
        <span className={styles.muted} data-testid="tabs-scroll-cue">
          {paths.length} files in <code>{folder}/</code>
          {/* The file tabs do not fit on a phone: say so in words, besides the shadow at the cut edge. */}
          {overflows && !atEnd ? (
            <>
              : scroll the tabs sideways, or use the arrow keys, for the rest <span aria-hidden="true">→</span>
            </>
          ) : null}
        </span>
        <Button variant="secondary" className={styles.toolButton} onClick={() => downloadZip(folder, files)}>
          Download zip
        </Button>
      </div>
      <div ref={box} className={styles.tabsBox}>
        <TabList
          label="Module files"
          idPrefix="tf"
          tabs={paths.map((p) => ({ id: p, label: p }))}
          selected={current}
          onSelect={setSelected}
          size="small"
        />
      </div>
      <div {...tabPanelProps("tf", current)} className={styles.filePanel}>
        <Button
          variant="secondary"
          className={styles.copyButton}
          onClick={async () => {
            await navigator.clipboard.writeText(content);
            setCopied(current);
            setTimeout(() => setCopied(null), 2000);
          }}
          aria-label={`Copy ${current}`}
        >
          {copied === current ? "Copied" : "Copy"}
        </Button>
        <span className="visually-hidden" aria-live="polite">
          {copied ? `${copied} copied to the clipboard` : ""}
        </span>
        <HighlightedCode path={current} content={content} />
      </div>
    </div>
  );
}
