import type { FieldChange, RevisionDiff as RevisionDiffData } from "@/lib/domain/diff";
import { ChangeFlags } from "./change-flags";
import styles from "./request-detail.module.css";
import { UnifiedDiff } from "./unified-diff";

function show(value: unknown): string {
  if (value === undefined) return "(absent)";
  return typeof value === "string" ? value : JSON.stringify(value);
}

function FieldChanges({ changes }: { changes: FieldChange[] }) {
  if (changes.length === 0) return <p className={styles.muted}>No request fields changed.</p>;
  return (
    <div className={styles.tableWrap}>
      <table className={styles.table}>
        <caption className="visually-hidden">Changed request fields</caption>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Before</th>
            <th scope="col">After</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((c) => (
            <tr key={c.path}>
              <th scope="row">
                <code>{c.path}</code>
              </th>
              <td className={styles.before}>
                <code>{show(c.before)}</code>
              </td>
              <td className={styles.after}>
                <code>{show(c.after)}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The change-safety diff between two revisions: flags first, then fields, then each file's patch. */
export function RevisionDiff({ diff, showFlags = true }: { diff: RevisionDiffData; showFlags?: boolean }) {
  return (
    <div className={styles.diffView} data-testid="revision-diff">
      {showFlags && <ChangeFlags flags={diff.flags} from={diff.from} to={diff.to} />}
      <h3 className={styles.subheading}>Changed fields ({diff.fieldChanges.length})</h3>
      <FieldChanges changes={diff.fieldChanges} />
      <h3 className={styles.subheading}>Terraform changes ({diff.fileDiffs.length} files)</h3>
      {diff.fileDiffs.length === 0 && <p className={styles.muted}>The rendered module is identical.</p>}
      {diff.fileDiffs.map((file) => (
        <details key={file.path} className={styles.fileDiff} open>
          <summary>
            <code>{file.path}</code> <span className={styles.tag}>{file.status}</span>
          </summary>
          <UnifiedDiff patch={file.patch} label={`Changes to ${file.path}`} />
        </details>
      ))}
    </div>
  );
}

/** Picks the two revisions to compare with a plain GET form (works without JavaScript, shareable URL). */
export function RevisionCompareForm({ revisions, from, to }: { revisions: number[]; from: number; to: number }) {
  const options = revisions.map((n) => (
    <option key={n} value={n}>
      Revision {n}
    </option>
  ));
  return (
    <form method="get" className={styles.compare} aria-label="Choose revisions to compare">
      <label>
        <span>From</span>
        <select name="from" defaultValue={from}>
          {options}
        </select>
      </label>
      <label>
        <span>To</span>
        <select name="to" defaultValue={to}>
          {options}
        </select>
      </label>
      <button type="submit">Compare</button>
    </form>
  );
}
