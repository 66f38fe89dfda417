"use client";

import ui from "@/components/ui/page.module.css";
import styles from "../request-form.module.css";

/** Move, duplicate and remove buttons for one item of a list; each names the item for screen readers. */
export function ArrayItemActions({
  index,
  count,
  itemLabel,
  onMove,
  onDuplicate,
  onRemove,
}: {
  index: number;
  count: number;
  itemLabel: string;
  onMove: (from: number, to: number) => void;
  onDuplicate?: (index: number) => void;
  onRemove: (index: number) => void;
}) {
  const button = `${ui.button} ${ui.secondary} ${styles.smallButton}`;
  return (
    <div className={styles.itemActions}>
      <button
        type="button"
        className={button}
        disabled={index === 0}
        onClick={() => onMove(index, index - 1)}
        aria-label={`Move ${itemLabel} up`}
      >
        ↑ Up
      </button>
      <button
        type="button"
        className={button}
        disabled={index === count - 1}
        onClick={() => onMove(index, index + 1)}
        aria-label={`Move ${itemLabel} down`}
      >
        ↓ Down
      </button>
      {onDuplicate && (
        <button
          type="button"
          className={button}
          onClick={() => onDuplicate(index)}
          aria-label={`Duplicate ${itemLabel}`}
        >
          Duplicate
        </button>
      )}
      <button
        type="button"
        className={`${button} ${styles.removeButton}`}
        onClick={() => onRemove(index)}
        aria-label={`Remove ${itemLabel}`}
      >
        Remove
      </button>
    </div>
  );
}
