"use client";

import { createContext, useContext, useEffect, useSyncExternalStore } from "react";
import { useFormContext, useFormState } from "react-hook-form";
import type { RequestFormValues } from "./form-schema";
import type { FieldIssue, FieldIssueStore } from "./issue-store";

export const IssueStoreContext = createContext<FieldIssueStore | null>(null);

export function useIssueStore(): FieldIssueStore {
  const store = useContext(IssueStoreContext);
  if (!store) throw new Error("useIssueStore outside the request form");
  return store;
}

const NO_ISSUES: readonly FieldIssue[] = [];

/** The value at a dotted form path (`globalSecondaryIndexes.1.name`), or undefined. */
function valueAt(root: unknown, name: string): unknown {
  let value = root;
  for (const segment of name.split(".")) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<string, unknown>)[segment];
  }
  return value;
}

/**
 * What to show on one field: the zod resolver's error and the engine's and the server's issues.
 * Engine issues appear once the person has touched the field or tried to save, so a blank form
 * does not open as a wall of red; the panel's Checks tab lists everything from the start.
 */
export function useFieldIssues(name: string): { resolverError?: string; issues: readonly FieldIssue[] } {
  const store = useIssueStore();
  useEffect(() => store.register(name), [store, name]);
  const issues = useSyncExternalStore(
    store.subscribe,
    () => store.issuesFor(name),
    () => NO_ISSUES,
  );
  const { getFieldState } = useFormContext<RequestFormValues>();
  const formState = useFormState<RequestFormValues>({ name: name as "tableName" });
  const state = getFieldState(name as "tableName", formState);
  // A card just added (a GSI, an LSI, a replica, a tag) is not in the form's baseline: it stays
  // quiet until the person has been in it or tries to save, however incomplete it starts.
  const isNewItem = valueAt(formState.defaultValues, name) === undefined;
  const isShown = state.isTouched || formState.submitCount > 0 || (state.isDirty && !isNewItem);
  const visible = isShown ? issues : issues.filter((issue) => issue.source === "server");
  return { resolverError: state.error?.message, issues: visible.length === issues.length ? issues : visible };
}
