"use client";

import { type RefObject, useEffect, useRef } from "react";
import { useWatch } from "react-hook-form";
import { writeDraft } from "./draft-storage";
import type { RequestFormValues } from "./form-schema";

const SAVE_DELAY_MS = 400;

/** Writes the form to localStorage shortly after each change; renders nothing. */
export function DraftAutosave({
  storageKey,
  blank,
  isLeaving,
  onSaved,
}: {
  storageKey: string;
  blank: RequestFormValues;
  isLeaving: RefObject<boolean>;
  onSaved: (savedAt: string) => void;
}) {
  const values = useWatch<RequestFormValues>();
  const blankJson = useRef(JSON.stringify(blank));
  const onSavedRef = useRef(onSaved);
  onSavedRef.current = onSaved;
  useEffect(() => {
    const json = JSON.stringify(values);
    // An untouched (or just discarded) form is not a draft.
    if (json === blankJson.current) return;
    const timer = setTimeout(() => {
      if (isLeaving.current) return;
      const savedAt = writeDraft(storageKey, values as RequestFormValues);
      if (savedAt) onSavedRef.current(savedAt);
    }, SAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [values, storageKey, isLeaving]);
  return null;
}
