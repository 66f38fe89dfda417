import Link from "next/link";
import type { QueueQuery } from "@/lib/api/schemas/queue";
import styles from "./approval-queue.module.css";
import { AGE_LABELS, COST_BAND_LABELS, FLAG_LABELS, QUEUE_SORT_LABELS, VIEW_LABELS } from "./queue-query";

function Select({
  name,
  label,
  value,
  options,
  anyLabel = "Any",
}: {
  name: string;
  label: string;
  value?: string;
  options: Record<string, string>;
  anyLabel?: string | null;
}) {
  // An explicit for/id pair: a wrapping label would fold the options' text into the field's name.
  const id = `queue-filter-${name}`;
  return (
    <div className={styles.filter}>
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value ?? ""}>
        {anyLabel !== null && <option value="">{anyLabel}</option>}
        {Object.entries(options).map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Queue filters and sort as a GET form: shareable, and usable before any JavaScript loads. */
export function QueueFilters({ query, teams }: { query: QueueQuery; teams: string[] }) {
  return (
    <form method="get" className={styles.filters} aria-label="Filter and sort the queue">
      <Select name="view" label="Show" value={query.view} options={VIEW_LABELS} anyLabel={null} />
      <Select name="tier" label="Tier" value={query.tier} options={{ prod: "prod", staging: "staging", dev: "dev" }} />
      <Select name="team" label="Team" value={query.team} options={Object.fromEntries(teams.map((t) => [t, t]))} />
      <Select name="age" label="Waiting" value={query.age} options={AGE_LABELS} />
      <Select name="cost" label="Monthly cost" value={query.cost} options={COST_BAND_LABELS} />
      <Select name="flag" label="Flag" value={query.flag} options={FLAG_LABELS} />
      <Select name="sort" label="Sort by" value={query.sort} options={QUEUE_SORT_LABELS} anyLabel={null} />
      <button type="submit">Apply</button>
      <Link href="/queue" className={styles.clear}>
        Clear
      </Link>
    </form>
  );
}
