"use client";

import { createContext, useContext, useEffect, useSyncExternalStore } from "react";
import type { FieldDisplayStore } from "./field-display-store";
import type { FieldIssue, FieldIssueStore } from "./issue-store";

export const IssueStoreContext = createContext<FieldIssueStore | null>(null);
export const FieldDisplayContext = createContext<FieldDisplayStore | null>(null);

export function useIssueStore(): FieldIssueStore {
  const store = useContext(IssueStoreContext);
  if (!store) throw new Error("useIssueStore outside the request form");
  return store;
}

function useFieldDisplayStore(): FieldDisplayStore {
  const store = useContext(FieldDisplayContext);
  if (!store) throw new Error("useFieldIssues outside the request form");
  return store;
}

const NO_ISSUES: readonly FieldIssue[] = [];
const NOT_SHOWN = () => false;
const NO_ERROR = () => undefined;

/**
 * What to show on one field: the zod resolver's error and the engine's and the server's issues.
 * Engine issues appear once the person has touched the field or tried to save, so a blank form
 * does not open as a wall of red; the panel's Checks tab lists everything from the start. Each
 * part is read as its own small value, so the field re-renders only when one of them changes.
 */
export function useFieldIssues(name: string): { resolverError?: string; issues: readonly FieldIssue[] } {
  const store = useIssueStore();
  const display = useFieldDisplayStore();
  useEffect(() => store.register(name), [store, name]);
  const issues = useSyncExternalStore(
    store.subscribe,
    () => store.issuesFor(name),
    () => NO_ISSUES,
  );
  const resolverError = useSyncExternalStore(display.subscribe, () => display.errorOf(name), NO_ERROR);
  const isShown = useSyncExternalStore(display.subscribe, () => display.isShown(name), NOT_SHOWN);
  if (isShown) return { resolverError, issues };
  const visible = issues.filter((issue) => issue.source === "server");
  return { resolverError, issues: visible.length === issues.length ? issues : visible };
}
