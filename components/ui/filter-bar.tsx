import Link from "next/link";
import type { ComponentProps, ReactNode } from "react";
import styles from "./filter-bar.module.css";

/**
 * Filters as a plain GET form: works without JavaScript, and the URL can be shared. Every list page's
 * filter row is one of these, so they look and behave alike.
 */
export function FilterBar({ label, clearHref, children }: { label: string; clearHref?: string; children: ReactNode }) {
  return (
    <form method="get" className={styles.filters} aria-label={label}>
      {children}
      <button type="submit">Apply</button>
      {clearHref && (
        <Link href={clearHref} className={styles.clear}>
          Clear
        </Link>
      )}
    </form>
  );
}

// An explicit for/id pair: a wrapping label would fold a select's options into the field's name.
const fieldId = (name: string) => `filter-${name}`;

/** A select filter; `anyLabel` null means the filter always has a value (a view or a sort). */
export function FilterSelect({
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
  return (
    <div className={styles.filter}>
      <label htmlFor={fieldId(name)}>{label}</label>
      <select id={fieldId(name)} name={name} defaultValue={value ?? ""}>
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

/** A text, search or number filter. */
export function FilterInput({ name, label, ...props }: { name: string; label: string } & ComponentProps<"input">) {
  return (
    <div className={styles.filter}>
      <label htmlFor={fieldId(name)}>{label}</label>
      <input id={fieldId(name)} name={name} {...props} />
    </div>
  );
}

/** The tiers, as filter options. */
export const TIER_FILTER_OPTIONS: Record<string, string> = { dev: "dev", staging: "staging", prod: "prod" };

/** Team slugs as filter options. */
export const teamFilterOptions = (teams: string[]) => Object.fromEntries(teams.map((t) => [t, t]));
