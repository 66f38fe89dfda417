import type { RequestFormValues } from "./form-schema";

const VERSION = 1;

export interface StoredDraft {
  version: typeof VERSION;
  savedAt: string;
  values: RequestFormValues;
}

/** One draft per person on this browser, so a shared machine does not mix people's work. */
export function draftKey(requesterEmail: string): string {
  return `tablewright.request-draft.v${VERSION}:${requesterEmail.toLowerCase()}`;
}

export function readDraft(key: string): StoredDraft | undefined {
  try {
    const raw = window.localStorage.getItem(key);
    if (!raw) return undefined;
    const parsed = JSON.parse(raw) as Partial<StoredDraft>;
    if (parsed.version !== VERSION || typeof parsed.values !== "object" || parsed.values === null) return undefined;
    return parsed as StoredDraft;
  } catch {
    // Storage disabled or a corrupt entry: start from a blank form rather than fail the page.
    return undefined;
  }
}

export function writeDraft(key: string, values: RequestFormValues): string | undefined {
  const savedAt = new Date().toISOString();
  try {
    window.localStorage.setItem(key, JSON.stringify({ version: VERSION, savedAt, values } satisfies StoredDraft));
    return savedAt;
  } catch {
    return undefined;
  }
}

export function removeDraft(key: string): void {
  try {
    window.localStorage.removeItem(key);
  } catch {
    // Nothing to do: without storage there is no draft to remove.
  }
}

/**
 * A stored draft laid over the blank form, so a draft saved by an older form (missing fields)
 * still restores everything it has and the rest gets defaults.
 */
export function mergeDraft<T>(blank: T, stored: unknown): T {
  if (Array.isArray(blank)) return (Array.isArray(stored) ? stored : blank) as T;
  if (blank !== null && typeof blank === "object") {
    if (stored === null || typeof stored !== "object" || Array.isArray(stored)) return blank;
    // An empty object in the blank form is a record keyed by data (reads per Region): keep the draft's keys.
    if (Object.keys(blank).length === 0) return stored as T;
    const out: Record<string, unknown> = { ...(blank as Record<string, unknown>) };
    for (const key of Object.keys(out)) {
      if (key in (stored as Record<string, unknown>)) {
        out[key] = mergeDraft(out[key], (stored as Record<string, unknown>)[key]);
      }
    }
    return out as T;
  }
  if (blank === undefined) return stored as T;
  return (stored === undefined || stored === null || typeof stored !== typeof blank ? blank : stored) as T;
}
