"use client";

import { useWatch } from "react-hook-form";
import { Button } from "@/components/ui/button";
import type { RequestFormValues } from "../form-schema";
import styles from "../request-form.module.css";

/** Move, duplicate and remove buttons for one item of a list; each names the item for screen readers. */
export function ArrayItemActions({
  index,
  isLast,
  itemLabel,
  onMove,
  onDuplicate,
  onRemove,
}: {
  index: number;
  /** The last item cannot move down (a flag rather than the count, so adding an item re-renders only the last). */
  isLast: boolean;
  itemLabel: string;
  onMove: (from: number, to: number) => void;
  onDuplicate?: (index: number) => void;
  onRemove: (index: number) => void;
}) {
  return (
    <div className={styles.itemActions}>
      <Button
        variant="secondary"
        size="small"
        disabled={index === 0}
        onClick={() => onMove(index, index - 1)}
        aria-label={`Move ${itemLabel} up`}
      >
        ↑ Up
      </Button>
      <Button
        variant="secondary"
        size="small"
        disabled={isLast}
        onClick={() => onMove(index, index + 1)}
        aria-label={`Move ${itemLabel} down`}
      >
        ↓ Down
      </Button>
      {onDuplicate && (
        <Button
          variant="secondary"
          size="small"
          onClick={() => onDuplicate(index)}
          aria-label={`Duplicate ${itemLabel}`}
        >
          Duplicate
        </Button>
      )}
      <Button
        variant="secondary"
        size="small"
        className={styles.removeButton}
        onClick={() => onRemove(index)}
        aria-label={`Remove ${itemLabel}`}
      >
        Remove
      </Button>
    </div>
  );
}

/**
 * ArrayItemActions for an item of a memoised card: it works out whether the item is last from the
 * list's length itself, so adding or removing an item re-renders only these buttons of the
 * previous last card, not the whole card with its dozen fields.
 */
export function ListItemActions({
  listName,
  ...props
}: Omit<Parameters<typeof ArrayItemActions>[0], "isLast"> & {
  listName: "globalSecondaryIndexes" | "regions.replicas";
}) {
  const count = useWatch<RequestFormValues, typeof listName, RequestFormValues, number>({
    name: listName,
    compute: (items) => items?.length ?? 0,
  });
  return <ArrayItemActions {...props} isLast={props.index === count - 1} />;
}
