import {
  FilterBar,
  FilterInput,
  FilterSelect,
  TIER_FILTER_OPTIONS,
  teamFilterOptions,
} from "@/components/ui/filter-bar";
import { TABLE_LIVE_STATUS_LABELS } from "@/lib/domain/inventory";
import { AWS_REGIONS } from "@/lib/domain/regions";

const REGION_OPTIONS = Object.fromEntries(AWS_REGIONS.map((r) => [r, r]));
const SORT_OPTIONS = { newest: "Newest first", cost: "Cost, highest first" };

export interface TableFilterValues {
  q?: string;
  team?: string;
  tier?: string;
  region?: string;
  status?: string;
  minCost?: string;
  maxCost?: string;
  sort?: string;
}

/** The inventory filters: search, scope, region, live status, a cost range and the sort. */
export function TableFilters({ values, teams }: { values: TableFilterValues; teams: string[] }) {
  const cost = { type: "number", min: 0, step: "any", inputMode: "decimal" } as const;
  return (
    <FilterBar label="Filter tables">
      <FilterInput name="q" label="Search" type="search" defaultValue={values.q} placeholder="Name, team, service" />
      <FilterSelect name="team" label="Team" value={values.team} options={teamFilterOptions(teams)} />
      <FilterSelect name="tier" label="Tier" value={values.tier} options={TIER_FILTER_OPTIONS} />
      <FilterSelect name="region" label="Region" value={values.region} options={REGION_OPTIONS} />
      <FilterSelect name="status" label="Live status" value={values.status} options={TABLE_LIVE_STATUS_LABELS} />
      <FilterInput name="minCost" label="Min $/month" {...cost} defaultValue={values.minCost} />
      <FilterInput name="maxCost" label="Max $/month" {...cost} defaultValue={values.maxCost} />
      <FilterSelect name="sort" label="Sort" value={values.sort ?? "newest"} options={SORT_OPTIONS} anyLabel={null} />
    </FilterBar>
  );
}
