import styles from "./request-detail.module.css";

type LineKind = "add" | "remove" | "hunk" | "context" | "meta";

function classify(line: string): LineKind {
  if (line.startsWith("+++") || line.startsWith("---") || line.startsWith("===") || line.startsWith("Index:"))
    return "meta";
  if (line.startsWith("@@")) return "hunk";
  if (line.startsWith("+")) return "add";
  if (line.startsWith("-")) return "remove";
  return "context";
}

const LABEL: Partial<Record<LineKind, string>> = { add: "added: ", remove: "removed: " };

/**
 * A unified diff with its +/- markers kept visible and a screen-reader word per changed line, so
 * colour is never the only way to tell an added line from a removed one.
 */
export function UnifiedDiff({ patch, label }: { patch: string; label: string }) {
  const lines = patch.replace(/\n$/, "").split("\n");
  return (
    // A focusable region: wide patches scroll sideways, and keyboard users must be able to scroll them.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: scrollable content must be reachable by keyboard
    <section aria-label={label} tabIndex={0} className={styles.diffScroll}>
      <pre className={styles.diff}>
        <code>
          {lines.map((line, i) => {
            const kind = classify(line);
            if (kind === "meta") return null;
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: lines of an immutable patch; the index is their identity
              <span key={i} className={`${styles.diffLine} ${styles[`diff-${kind}`] ?? ""}`}>
                {LABEL[kind] && <span className="visually-hidden">{LABEL[kind]}</span>}
                {line || " "}
                {"\n"}
              </span>
            );
          })}
        </code>
      </pre>
    </section>
  );
}
