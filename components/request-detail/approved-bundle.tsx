import styles from "./request-detail.module.css";

/**
 * The approved module download with its SHA-256 next to it, so whoever applies it can check that
 * the zip they run is byte for byte the one the approvers reviewed.
 */
export function ApprovedBundle({
  changeRequestKey,
  revision,
  sha256,
  applies = [],
}: {
  changeRequestKey: string;
  revision: number;
  sha256: string;
  /** The operation plan's applies: more than one means one module per apply, in order. */
  applies?: readonly { number: number; steps: readonly number[] }[];
}) {
  const href = `/api/v1/change-requests/${encodeURIComponent(changeRequestKey)}/revisions/${revision}/bundle`;
  return (
    <section className={styles.bundle} aria-labelledby="bundle-title" data-testid="approved-bundle">
      <h2 id="bundle-title" className={styles.bundleTitle}>
        Approved bundle (revision {revision})
      </h2>
      <p className={styles.small}>
        The Terraform module exactly as approved. Check the download against this SHA-256 before you apply it (
        <code>sha256sum</code> or <code>shasum -a 256</code>).
      </p>
      <p className={styles.checksumLine}>
        <span>SHA-256</span> <code data-testid="bundle-sha256">{sha256}</code>
      </p>
      <a className={styles.downloadLink} href={href} download>
        Download the approved bundle (.zip)
      </a>
      {applies.length > 1 && (
        <div data-testid="apply-bundles">
          <p className={styles.small}>
            The operation plan needs {applies.length} applies: one UpdateTable cannot do it all (one new index per
            UpdateTable, rate-limit windows, protection lifted first). Apply these modules in order, each after the
            previous one finished, in the same state; the last one is the approved definition.
          </p>
          <ol>
            {applies.map((a) => (
              <li key={a.number}>
                <a
                  className={styles.downloadLink}
                  href={`/api/v1/change-requests/${encodeURIComponent(changeRequestKey)}/revisions/${revision}/applies/${a.number}/bundle`}
                  download
                >
                  Step module {a.number} of {applies.length} (.zip)
                </a>{" "}
                <span className={styles.small}>
                  plan step{a.steps.length === 1 ? "" : "s"} {a.steps.join(", ")}
                </span>
              </li>
            ))}
          </ol>
        </div>
      )}
    </section>
  );
}
