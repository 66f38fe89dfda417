import type { CHANGE_REQUEST_FLAGS } from "@/lib/api/schemas/change-requests";
import {
  type QUEUE_AGES,
  type QUEUE_COST_BANDS,
  type QUEUE_SORTS,
  type QUEUE_VIEWS,
  type QueueQuery,
  QueueQuerySchema,
} from "@/lib/api/schemas/queue";

/**
 * The queue's filters as the page shows them. The values and their parsing are the URL contract in
 * lib/api/schemas/queue.ts; the filtering, ordering and paging happen in the database.
 */
export const QUEUE_SORT_LABELS = {
  oldest: "Waiting longest",
  newest: "Newest first",
  "cost-desc": "Most expensive",
  "cost-asc": "Cheapest",
  tier: "Tier (prod first)",
} as const satisfies Record<(typeof QUEUE_SORTS)[number], string>;

export const COST_BAND_LABELS = {
  lt100: "Under $100",
  "100to1000": "$100 – $1,000",
  gt1000: "Over $1,000",
} as const satisfies Record<(typeof QUEUE_COST_BANDS)[number], string>;

export const AGE_LABELS = { "1": "Over 1 day", "3": "Over 3 days", "7": "Over 7 days" } as const satisfies Record<
  (typeof QUEUE_AGES)[number],
  string
>;

export const VIEW_LABELS = {
  all: "Everything submitted",
  mine: "Needs my decision",
  others: "Waiting on others",
} as const satisfies Record<(typeof QUEUE_VIEWS)[number], string>;

export const FLAG_LABELS = {
  replacement: "Replaces the table",
  rebuild: "Rebuilds an index",
  protection: "Lowers protection",
  policy: "Policy findings",
  warnings: "Has warnings",
  "multi-region": "Multi-Region",
} as const satisfies Record<(typeof CHANGE_REQUEST_FLAGS)[number], string>;

export function parseQueueQuery(search: Record<string, string | string[] | undefined>): QueueQuery {
  const single = Object.fromEntries(Object.entries(search).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])) as Record<
    string,
    string | undefined
  >;
  return QueueQuerySchema.parse(single);
}

/** The query string of the filters and page (without the selection), for links that keep them. */
export function filterQueryString(query: QueueQuery, overrides: Partial<QueueQuery> = {}): string {
  const q = { ...query, ...overrides };
  const entries = Object.entries({
    view: q.view === "all" ? undefined : q.view,
    tier: q.tier,
    team: q.team,
    flag: q.flag,
    age: q.age,
    cost: q.cost,
    sort: q.sort === "oldest" ? undefined : q.sort,
    cursor: q.cursor,
  }).filter((entry): entry is [string, string] => Boolean(entry[1]));
  return new URLSearchParams(entries).toString();
}

export function hasFilters(query: QueueQuery): boolean {
  return Boolean(query.tier || query.team || query.flag || query.age || query.cost || query.view !== "all");
}
