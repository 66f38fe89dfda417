import { memo } from "react";
import { type HclTokenKind, tokenizeHcl } from "./highlight-hcl";
import styles from "./terraform-preview.module.css";

const CLASS_FOR: Record<HclTokenKind, string | undefined> = {
  comment: styles.tokComment,
  string: styles.tokString,
  number: styles.tokNumber,
  keyword: styles.tokKeyword,
  block: styles.tokBlock,
  attribute: styles.tokAttribute,
  punctuation: styles.tokPunctuation,
  text: undefined,
};

const isHcl = (path: string) => path.endsWith(".tf") || path.endsWith(".tfvars") || path.endsWith(".hcl");

/** One file's text; HCL is coloured by token, everything else shown as is. Memoised: files are large. */
export const HighlightedCode = memo(function HighlightedCode({ path, content }: { path: string; content: string }) {
  return (
    <pre className={styles.code} data-testid="terraform-code">
      <code>
        {isHcl(path)
          ? tokenizeHcl(content).map((token, i) =>
              CLASS_FOR[token.kind] ? (
                // biome-ignore lint/suspicious/noArrayIndexKey: tokens have no identity beyond their position
                <span key={i} className={CLASS_FOR[token.kind]}>
                  {token.text}
                </span>
              ) : (
                token.text
              ),
            )
          : content}
      </code>
    </pre>
  );
});
