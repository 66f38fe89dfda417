/**
 * The queue's filters and sort, read from the URL so a filtered queue can be shared and works
 * without JavaScript. Pure: the page applies what listChangeRequests cannot filter (age, cost).
 */
export interface QueueQuery {
  tier?: string;
  team?: string;
  flag?: string;
  /** Minimum days waiting since submission. */
  age?: "1" | "3" | "7";
  cost?: "lt100" | "100to1000" | "gt1000";
  sort: QueueSort;
  selected?: string;
}

export const QUEUE_SORTS = {
  oldest: "Waiting longest",
  newest: "Newest first",
  "cost-desc": "Most expensive",
  "cost-asc": "Cheapest",
  tier: "Tier (prod first)",
} as const;
export type QueueSort = keyof typeof QUEUE_SORTS;

export const COST_BANDS = { lt100: "Under $100", "100to1000": "$100 – $1,000", gt1000: "Over $1,000" } as const;
export const AGE_OPTIONS = { "1": "Over 1 day", "3": "Over 3 days", "7": "Over 7 days" } as const;
export const QUEUE_FLAGS = {
  replacement: "Replaces the table",
  rebuild: "Rebuilds an index",
  protection: "Lowers protection",
  policy: "Policy findings",
  warnings: "Has warnings",
  "multi-region": "Multi-Region",
} as const;

const pick = <T extends string>(value: string | undefined, allowed: Record<T, unknown>): T | undefined =>
  value && Object.hasOwn(allowed, value) ? (value as T) : undefined;

export function parseQueueQuery(search: Record<string, string | undefined>): QueueQuery {
  return {
    tier: ["dev", "staging", "prod"].includes(search.tier ?? "") ? search.tier : undefined,
    team: search.team?.trim() || undefined,
    flag: pick(search.flag, QUEUE_FLAGS),
    age: pick(search.age, AGE_OPTIONS),
    cost: pick(search.cost, COST_BANDS),
    sort: pick(search.sort, QUEUE_SORTS) ?? "oldest",
    selected: /^[A-Za-z]+-\d+$/.test(search.selected ?? "") ? search.selected : undefined,
  };
}

/** The query string of the filters (without the selection), for links that keep them. */
export function filterQueryString(query: QueueQuery): string {
  const entries = Object.entries({
    tier: query.tier,
    team: query.team,
    flag: query.flag,
    age: query.age,
    cost: query.cost,
    sort: query.sort === "oldest" ? undefined : query.sort,
  }).filter((entry): entry is [string, string] => Boolean(entry[1]));
  return new URLSearchParams(entries).toString();
}

export function hasFilters(query: QueueQuery): boolean {
  return Boolean(query.tier || query.team || query.flag || query.age || query.cost);
}

export interface QueueItemFacts {
  tier: string;
  monthlyCostUsd: number;
  waitingSince: Date;
}

const TIER_RANK: Record<string, number> = { prod: 0, staging: 1, dev: 2 };

/** Applies the age and cost filters and the sort; the database did team, tier and flag. */
export function arrangeQueue<T extends QueueItemFacts>(items: T[], query: QueueQuery, now = new Date()): T[] {
  const minAgeMs = query.age ? Number(query.age) * 86_400_000 : 0;
  const inBand = (usd: number) =>
    query.cost === "lt100"
      ? usd < 100
      : query.cost === "100to1000"
        ? usd >= 100 && usd <= 1000
        : query.cost === "gt1000"
          ? usd > 1000
          : true;
  const kept = items.filter(
    (item) => now.getTime() - item.waitingSince.getTime() >= minAgeMs && inBand(item.monthlyCostUsd),
  );
  const age = (item: T) => item.waitingSince.getTime();
  const compare: Record<QueueSort, (a: T, b: T) => number> = {
    oldest: (a, b) => age(a) - age(b),
    newest: (a, b) => age(b) - age(a),
    "cost-desc": (a, b) => b.monthlyCostUsd - a.monthlyCostUsd,
    "cost-asc": (a, b) => a.monthlyCostUsd - b.monthlyCostUsd,
    tier: (a, b) => (TIER_RANK[a.tier] ?? 9) - (TIER_RANK[b.tier] ?? 9) || age(a) - age(b),
  };
  return [...kept].sort(compare[query.sort]);
}
