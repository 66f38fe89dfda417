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
  const isShown = state.isDirty || state.isTouched || formState.submitCount > 0;
  const visible = isShown ? issues : issues.filter((issue) => issue.source === "server");
  return { resolverError: state.error?.message, issues: visible.length === issues.length ? issues : visible };
}
