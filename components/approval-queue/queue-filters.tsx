import Link from "next/link";
import styles from "./approval-queue.module.css";
import { AGE_OPTIONS, COST_BANDS, QUEUE_FLAGS, QUEUE_SORTS, type QueueQuery } from "./queue-query";

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
      <Select name="tier" label="Tier" value={query.tier} options={{ prod: "prod", staging: "staging", dev: "dev" }} />
      <Select name="team" label="Team" value={query.team} options={Object.fromEntries(teams.map((t) => [t, t]))} />
      <Select name="age" label="Waiting" value={query.age} options={AGE_OPTIONS} />
      <Select name="cost" label="Monthly cost" value={query.cost} options={COST_BANDS} />
      <Select name="flag" label="Flag" value={query.flag} options={QUEUE_FLAGS} />
      <Select name="sort" label="Sort by" value={query.sort} options={QUEUE_SORTS} anyLabel={null} />
      <button type="submit">Apply</button>
      <Link href="/queue" className={styles.clear}>
        Clear
      </Link>
    </form>
  );
}
