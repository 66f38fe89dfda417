import styles from "./list-filters.module.css";

const STATUSES = [
  "DRAFT",
  "SUBMITTED",
  "CHANGES_REQUESTED",
  "APPROVED",
  "REJECTED",
  "WITHDRAWN",
  "VERIFIED",
  "DRIFTED",
];

export interface ListFilterValues {
  q?: string;
  status?: string;
  tier?: string;
  team?: string;
  flag?: string;
}

/** Filters as a plain GET form: works without JavaScript, and the URL can be shared. */
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
    <form method="get" className={styles.filters} aria-label="Filter change requests">
      <label>
        <span>Search</span>
        <input type="search" name="q" defaultValue={values.q} placeholder="Key, title, table, person" />
      </label>
      <label>
        <span>Status</span>
        <select name="status" defaultValue={values.status ?? ""}>
          <option value="">Any</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {s.replaceAll("_", " ").toLowerCase()}
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
      {showFlags && (
        <label>
          <span>Flag</span>
          <select name="flag" defaultValue={values.flag ?? ""}>
            <option value="">Any</option>
            <option value="replacement">replaces the table</option>
            <option value="protection">lowers protection</option>
            <option value="rebuild">rebuilds indexes</option>
            <option value="warnings">has warnings</option>
            <option value="multi-region">multi-Region</option>
          </select>
        </label>
      )}
      <button type="submit">Apply</button>
    </form>
  );
}
