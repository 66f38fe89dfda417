import type { IssueSeverity, IssueSource } from "@/lib/domain/validation/types";

/** One finding placed on the form: where it shows (`field`) and where it came from. */
export interface FieldIssue {
  /** The form field (or section) it is shown on, after resolving to a rendered one; "" = the whole form. */
  field: string;
  /** The path as the engine or the API named it. */
  path: string;
  code: string;
  severity: IssueSeverity;
  source: IssueSource | "server";
  message: string;
}

type Listener = () => void;
const EMPTY: readonly FieldIssue[] = [];

/**
 * Issues per form field, outside React state: each field subscribes to its own slice, so a
 * keystroke re-renders only the fields whose issues changed, not the whole form (the live panel
 * has a 100 ms budget). Fields register their names; an issue whose path names no rendered field
 * goes to the nearest rendered ancestor (a section), so no finding is ever lost.
 */
export class FieldIssueStore {
  private engineIssues: Omit<FieldIssue, "field">[] = [];
  private serverIssues: Omit<FieldIssue, "field">[] = [];
  private readonly registered = new Map<string, number>();
  private byField = new Map<string, readonly FieldIssue[]>();
  private all: readonly FieldIssue[] = EMPTY;
  private readonly listeners = new Set<Listener>();
  private pending = false;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Issues shown on exactly this field; the same array while they do not change. */
  issuesFor = (field: string): readonly FieldIssue[] => this.byField.get(field) ?? EMPTY;

  /** Every placed issue, in order: the error summary and the panel's checks read this. */
  allIssues = (): readonly FieldIssue[] => this.all;

  setEngineIssues(issues: Omit<FieldIssue, "field">[]): void {
    this.engineIssues = issues;
    this.recompute();
  }

  setServerIssues(issues: Omit<FieldIssue, "field">[]): void {
    this.serverIssues = issues;
    this.recompute();
  }

  /** A field (or section) exists on the page; returns the unregister function. */
  register(field: string): () => void {
    this.registered.set(field, (this.registered.get(field) ?? 0) + 1);
    this.scheduleRecompute();
    return () => {
      const count = (this.registered.get(field) ?? 1) - 1;
      if (count <= 0) this.registered.delete(field);
      else this.registered.set(field, count);
      this.scheduleRecompute();
    };
  }

  /** The rendered field an issue belongs to: its own path, else the nearest registered ancestor. */
  private resolve(path: string): string {
    let candidate = path;
    while (candidate) {
      if (this.registered.has(candidate)) return candidate;
      const cut = candidate.lastIndexOf(".");
      candidate = cut < 0 ? "" : candidate.slice(0, cut);
    }
    return "";
  }

  // Fields mount in bursts (adding a GSI registers a dozen); recompute once after the burst.
  private scheduleRecompute(): void {
    if (this.pending) return;
    this.pending = true;
    queueMicrotask(() => {
      this.pending = false;
      this.recompute();
    });
  }

  private recompute(): void {
    const placed = [...this.serverIssues, ...this.engineIssues].map((issue) => ({
      ...issue,
      field: this.resolve(issue.path),
    }));
    const grouped = new Map<string, FieldIssue[]>();
    for (const issue of placed) {
      const list = grouped.get(issue.field) ?? [];
      // The server repeats what the engine already says on submit; show each message once.
      if (!list.some((other) => other.code === issue.code && other.message === issue.message)) list.push(issue);
      grouped.set(issue.field, list);
    }
    const next = new Map<string, readonly FieldIssue[]>();
    for (const [field, list] of grouped) {
      const before = this.byField.get(field);
      next.set(field, before && sameIssues(before, list) ? before : list);
    }
    this.byField = next;
    this.all = [...grouped.values()].flat();
    for (const listener of this.listeners) listener();
  }
}

function sameIssues(a: readonly FieldIssue[], b: readonly FieldIssue[]): boolean {
  if (a.length !== b.length) return false;
  return a.every(
    (issue, i) => issue.code === b[i]?.code && issue.message === b[i]?.message && issue.severity === b[i]?.severity,
  );
}
