import "server-only";
import { diffJson, diffRevisions, type RevisionDiff } from "@/lib/domain/diff";
import { labelRequestPath } from "@/lib/domain/labels/field-labels";
import { type TableRequest, TableRequestSchema } from "@/lib/domain/request/schema";

/** A stored revision as the diff needs it: the request JSON and the rendered files. */
export interface StoredRevisionSnapshot {
  number: number;
  requestJson: string;
  filesJson: string;
}

/**
 * The diff between two stored revisions. A draft kept with errors may not even have the request's
 * shape and has no module: it is compared field by field only, with no change-safety flags (there
 * is nothing to rebuild or replace until it renders).
 */
export function diffStoredRevisions(a: StoredRevisionSnapshot, b: StoredRevisionSnapshot): RevisionDiff {
  const before = JSON.parse(a.requestJson) as unknown;
  const after = JSON.parse(b.requestJson) as unknown;
  const parsedBefore = TableRequestSchema.safeParse(before);
  const parsedAfter = TableRequestSchema.safeParse(after);
  const filesBefore = JSON.parse(a.filesJson) as Record<string, string>;
  const filesAfter = JSON.parse(b.filesJson) as Record<string, string>;
  const isComplete = Object.keys(filesBefore).length > 0 && Object.keys(filesAfter).length > 0;
  if (parsedBefore.success && parsedAfter.success && isComplete) {
    return diffRevisions(
      { number: a.number, request: before as TableRequest, files: filesBefore },
      { number: b.number, request: after as TableRequest, files: filesAfter },
    );
  }
  const fieldChanges = diffJson(before, after).map((change) => {
    let label = change.path;
    try {
      label = labelRequestPath(change.path, { before: before as TableRequest, after: after as TableRequest });
    } catch {
      // A broken draft may lack what a label reads (an index's name): the path says it.
    }
    return { ...change, label };
  });
  return { from: a.number, to: b.number, fieldChanges, fileDiffs: [], flags: [] };
}
