import { FilterBar, FilterSelect, TIER_FILTER_OPTIONS, teamFilterOptions } from "@/components/ui/filter-bar";
import type { QueueQuery } from "@/lib/api/schemas/queue";
import { AGE_LABELS, COST_BAND_LABELS, FLAG_LABELS, QUEUE_SORT_LABELS, VIEW_LABELS } from "./queue-query";

/** Queue filters and sort: shareable, and usable before any JavaScript loads. */
export function QueueFilters({ query, teams }: { query: QueueQuery; teams: string[] }) {
  return (
    <FilterBar label="Filter and sort the queue" clearHref="/queue">
      <FilterSelect name="view" label="Show" value={query.view} options={VIEW_LABELS} anyLabel={null} />
      <FilterSelect name="tier" label="Tier" value={query.tier} options={TIER_FILTER_OPTIONS} />
      <FilterSelect name="team" label="Team" value={query.team} options={teamFilterOptions(teams)} />
      <FilterSelect name="age" label="Waiting" value={query.age} options={AGE_LABELS} />
      <FilterSelect name="cost" label="Monthly cost" value={query.cost} options={COST_BAND_LABELS} />
      <FilterSelect name="flag" label="Flag" value={query.flag} options={FLAG_LABELS} />
      <FilterSelect name="sort" label="Sort by" value={query.sort} options={QUEUE_SORT_LABELS} anyLabel={null} />
    </FilterBar>
  );
}
