import {
  FilterBar,
  FilterInput,
  FilterSelect,
  TIER_FILTER_OPTIONS,
  teamFilterOptions,
} from "@/components/ui/filter-bar";
import { CHANGE_REQUEST_STATUSES } from "@/lib/domain/workflow/state-machine";

const STATUS_OPTIONS = Object.fromEntries(
  CHANGE_REQUEST_STATUSES.map((s) => [s, s.replaceAll("_", " ").toLowerCase()]),
);
const FLAG_OPTIONS = {
  replacement: "replaces the table",
  protection: "lowers protection",
  rebuild: "rebuilds indexes",
  warnings: "has warnings",
  "multi-region": "multi-Region",
};

export interface ListFilterValues {
  q?: string;
  status?: string;
  tier?: string;
  team?: string;
  flag?: string;
}

/** The change-request filters: search, status, tier, team and (for reviewers) flags. */
export function ListFilters({
  values,
  teams,
  showFlags,
}: {
  values: ListFilterValues;
  teams: string[];
  showFlags?: boolean;
}) {
  return (
    <FilterBar label="Filter change requests">
      <FilterInput
        name="q"
        label="Search"
        type="search"
        defaultValue={values.q}
        placeholder="Key, title, table, person"
      />
      <FilterSelect name="status" label="Status" value={values.status} options={STATUS_OPTIONS} />
      <FilterSelect name="tier" label="Tier" value={values.tier} options={TIER_FILTER_OPTIONS} />
      <FilterSelect name="team" label="Team" value={values.team} options={teamFilterOptions(teams)} />
      {showFlags && <FilterSelect name="flag" label="Flag" value={values.flag} options={FLAG_OPTIONS} />}
    </FilterBar>
  );
}
