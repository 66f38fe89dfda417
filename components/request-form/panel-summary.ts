/** The few numbers the small-screen summary bar repeats from the live panel. */
export interface PanelSummary {
  totalMonthlyUsd?: number;
  drName?: string;
  errorCount: number;
  warningCount: number;
}

type Listener = () => void;

/**
 * The live panel publishes its headline here and the sticky bar reads it, so a keystroke
 * re-renders only that bar, not the form around it (the panel's per-edit budget is 50 ms).
 */
export class PanelSummaryStore {
  private summary: PanelSummary = { errorCount: 0, warningCount: 0 };
  private readonly listeners = new Set<Listener>();

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  get = (): PanelSummary => this.summary;

  set(next: PanelSummary): void {
    const s = this.summary;
    if (
      s.totalMonthlyUsd === next.totalMonthlyUsd &&
      s.drName === next.drName &&
      s.errorCount === next.errorCount &&
      s.warningCount === next.warningCount
    )
      return;
    this.summary = next;
    for (const listener of this.listeners) listener();
  }
}
