import { DataTable } from "@/components/ui/data-table";
import { formatUsd } from "@/lib/domain/cost/format";
import type { CostChange, LabelledFieldChange, RevisionDiff as RevisionDiffData } from "@/lib/domain/diff";
import { formatRequestValue } from "@/lib/domain/labels/field-labels";
import styles from "./request-detail.module.css";
import { UnifiedDiff } from "./unified-diff";

/** The diff as the page receives it: the domain diff plus the cost change the server adds. */
export type RevisionDiffView = RevisionDiffData & { costChange?: CostChange };

function FieldChanges({ changes }: { changes: LabelledFieldChange[] }) {
  if (changes.length === 0) return <p className={styles.muted}>No request fields changed.</p>;
  return (
    <div className={styles.tableWrap}>
      <DataTable caption="Changed request fields" className={styles.table} columns={["Field", "Before", "After"]}>
        {changes.map((c) => (
          <tr key={c.path}>
            <th scope="row" title={c.path}>
              {c.label}
            </th>
            <td className={styles.before}>{formatRequestValue(c.before)}</td>
            <td className={styles.after}>{formatRequestValue(c.after)}</td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}

/** "+$12.30" / "-$4.00" / "no change": the sign is a word-like symbol, never colour alone. */
export function formatDelta(usd: number): string {
  if (Math.abs(usd) < 0.005) return "no change";
  return `${usd > 0 ? "+" : "−"}${formatUsd(Math.abs(usd))}`;
}

function formatRatio(ratio: number | undefined): string {
  if (ratio === undefined || Math.abs(ratio) < 0.0005) return "";
  const percent = Math.abs(ratio * 100);
  return ` (${ratio > 0 ? "+" : "−"}${percent >= 10 ? Math.round(percent) : percent.toFixed(1)}%)`;
}

/** What the new revision costs against the earlier one: per Region and in total, per month. */
export function CostChangeTable({ change, from, to }: { change: CostChange; from: number; to: number }) {
  return (
    <div data-testid="cost-change">
      <p className={styles.total}>
        <span className={styles.totalValue}>{formatDelta(change.deltaUsd)}</span> per month
        {formatRatio(change.deltaRatio)}: {formatUsd(change.before.totalUsd)} → {formatUsd(change.after.totalUsd)}
      </p>
      {change.pricesDiffer && (
        <p className={styles.small}>
          The revisions were priced with different price lists ({change.before.pricesAsOf} and {change.after.pricesAsOf}
          ): part of the change can be AWS prices, not the request.
        </p>
      )}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a table that scrolls sideways on phones must be reachable by keyboard */}
      <section className={styles.tableWrap} tabIndex={0} aria-label={`Cost per Region, revision ${from} and ${to}`}>
        <DataTable
          caption={`Monthly cost per Region, revision ${from} and revision ${to}`}
          className={`${styles.table} ${styles.compact}`}
          columns={[
            "Region",
            { label: `Rev. ${from}`, className: styles.num },
            { label: `Rev. ${to}`, className: styles.num },
            { label: "Change", className: styles.num },
          ]}
          footer={
            <tr>
              <th scope="row">Total</th>
              <td className={styles.num}>{formatUsd(change.before.totalUsd)}</td>
              <td className={styles.num}>{formatUsd(change.after.totalUsd)}</td>
              <td className={styles.num}>{formatDelta(change.deltaUsd)}</td>
            </tr>
          }
        >
          {change.regions.map((r) => (
            <tr key={r.region}>
              <th scope="row">
                <code>{r.region}</code>
              </th>
              <td className={styles.num}>{r.beforeUsd === undefined ? "not used" : formatUsd(r.beforeUsd)}</td>
              <td className={styles.num}>{r.afterUsd === undefined ? "not used" : formatUsd(r.afterUsd)}</td>
              <td className={styles.num}>{formatDelta(r.deltaUsd)}</td>
            </tr>
          ))}
        </DataTable>
      </section>
    </div>
  );
}

/** What changed between two revisions: the cost, then the fields in words, then each file's patch. */
export function RevisionDiff({ diff, headingLevel = 3 }: { diff: RevisionDiffView; headingLevel?: 3 | 4 }) {
  const Heading = `h${headingLevel}` as "h3";
  return (
    <div className={styles.diffView} data-testid="revision-diff">
      {diff.costChange && (
        <>
          <Heading className={styles.subheading}>Cost change</Heading>
          <CostChangeTable change={diff.costChange} from={diff.from} to={diff.to} />
        </>
      )}
      <Heading className={styles.subheading}>Changed fields ({diff.fieldChanges.length})</Heading>
      <FieldChanges changes={diff.fieldChanges} />
      <Heading className={styles.subheading}>Terraform changes ({diff.fileDiffs.length} files)</Heading>
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
