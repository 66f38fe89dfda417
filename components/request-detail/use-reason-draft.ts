"use client";

import { useCallback, useEffect, useState } from "react";

/**
 * A typed reason kept in sessionStorage per request and action, so a reload after a version
 * conflict (or an accidental close) never throws away what the reviewer wrote.
 */
export function useReasonDraft(storageKey: string) {
  const [text, setText] = useState("");
  useEffect(() => {
    try {
      const saved = sessionStorage.getItem(storageKey);
      if (saved) setText(saved);
    } catch {
      // Storage can be disabled; the draft then lives only in memory.
    }
  }, [storageKey]);
  const update = useCallback(
    (value: string) => {
      setText(value);
      try {
        if (value) sessionStorage.setItem(storageKey, value);
        else sessionStorage.removeItem(storageKey);
      } catch {
        // See above.
      }
    },
    [storageKey],
  );
  return [text, update] as const;
}
