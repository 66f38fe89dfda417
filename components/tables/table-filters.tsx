import styles from "@/components/change-requests/list-filters.module.css";
import { TABLE_LIVE_STATUS_LABELS, TABLE_LIVE_STATUSES } from "@/lib/domain/inventory";
import { AWS_REGIONS } from "@/lib/domain/regions";

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

/** Inventory filters as a plain GET form: works without JavaScript, and the URL can be shared. */
export function TableFilters({ values, teams }: { values: TableFilterValues; teams: string[] }) {
  return (
    <form method="get" className={styles.filters} aria-label="Filter tables">
      <label>
        <span>Search</span>
        <input type="search" name="q" defaultValue={values.q} placeholder="Name, team, service" />
      </label>
      <label>
        <span>Team</span>
        <select name="team" defaultValue={values.team ?? ""}>
          <option value="">Any</option>
          {teams.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>Tier</span>
        <select name="tier" defaultValue={values.tier ?? ""}>
          <option value="">Any</option>
          <option value="dev">dev</option>
          <option value="staging">staging</option>
          <option value="prod">prod</option>
        </select>
      </label>
      <label>
        <span>Region</span>
        <select name="region" defaultValue={values.region ?? ""}>
          <option value="">Any</option>
          {AWS_REGIONS.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>Live status</span>
        <select name="status" defaultValue={values.status ?? ""}>
          <option value="">Any</option>
          {TABLE_LIVE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {TABLE_LIVE_STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>Min $/month</span>
        <input type="number" name="minCost" min={0} step="any" inputMode="decimal" defaultValue={values.minCost} />
      </label>
      <label>
        <span>Max $/month</span>
        <input type="number" name="maxCost" min={0} step="any" inputMode="decimal" defaultValue={values.maxCost} />
      </label>
      <label>
        <span>Sort</span>
        <select name="sort" defaultValue={values.sort ?? "newest"}>
          <option value="newest">Newest first</option>
          <option value="cost">Cost, highest first</option>
        </select>
      </label>
      <button type="submit">Apply</button>
    </form>
  );
}
