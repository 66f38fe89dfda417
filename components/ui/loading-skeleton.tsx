import styles from "./loading-skeleton.module.css";

/** A quiet placeholder while a server page loads; announced once as busy, not as a list of boxes. */
export function LoadingSkeleton({ label, blocks = 3 }: { label: string; blocks?: number }) {
  return (
    <div aria-busy="true" aria-live="polite" className={styles.wrap}>
      <p className={styles.label}>{label}</p>
      <div className={styles.title} />
      {Array.from({ length: blocks }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: identical placeholder boxes
        <div key={i} className={styles.block} />
      ))}
    </div>
  );
}
