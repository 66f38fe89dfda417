import { createTwoFilesPatch } from "diff";
import { labelRequestPath } from "../labels/field-labels";
import type { TableRequest } from "../request/schema";
import { type ChangeFlag, flagChangeSafety } from "./change-safety";
import { diffJson, type FieldChange } from "./diff-json";

export interface RevisionSnapshot {
  number: number;
  request: TableRequest;
  /** The rendered module: path -> content. */
  files: Record<string, string>;
}

export interface FileDiff {
  path: string;
  status: "added" | "removed" | "modified";
  /** Unified diff (`diff -u` format). */
  patch: string;
}

/** A changed field with its name in words (`Index by-customer (GSI 2) › Projection type`). */
export interface LabelledFieldChange extends FieldChange {
  label: string;
}

export interface RevisionDiff {
  from: number;
  to: number;
  fieldChanges: LabelledFieldChange[];
  fileDiffs: FileDiff[];
  flags: ChangeFlag[];
}

/**
 * What changed between two revisions: the request fields, a unified diff of each module file,
 * and the change-safety flags (replacement, index rebuilds, lowered protection).
 */
export function diffRevisions(a: RevisionSnapshot, b: RevisionSnapshot): RevisionDiff {
  const paths = [...new Set([...Object.keys(a.files), ...Object.keys(b.files)])].sort();
  const fileDiffs: FileDiff[] = [];
  for (const path of paths) {
    const before = a.files[path];
    const after = b.files[path];
    if (before === after) continue;
    const status = before === undefined ? "added" : after === undefined ? "removed" : "modified";
    const patch = createTwoFilesPatch(
      `a/${path}`,
      `b/${path}`,
      before ?? "",
      after ?? "",
      `revision ${a.number}`,
      `revision ${b.number}`,
      { context: 3 },
    );
    fileDiffs.push({ path, status, patch });
  }
  return {
    from: a.number,
    to: b.number,
    fieldChanges: diffJson(a.request, b.request).map((change) => ({
      ...change,
      label: labelRequestPath(change.path, { before: a.request, after: b.request }),
    })),
    fileDiffs,
    flags: flagChangeSafety(a.request, b.request),
  };
}
