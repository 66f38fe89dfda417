import styles from "./request-detail.module.css";

/**
 * The approved module download with its SHA-256 next to it, so whoever applies it can check that
 * the zip they run is byte for byte the one the approvers reviewed.
 */
export function ApprovedBundle({
  changeRequestKey,
  revision,
  sha256,
}: {
  changeRequestKey: string;
  revision: number;
  sha256: string;
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
    </section>
  );
}
