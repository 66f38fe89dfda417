"use client";

import { useFormContext } from "react-hook-form";
import { Input } from "@/components/ui/form-controls";
import { NUMBER_OPTIONS } from "../controls";
import { Field, SectionIssues } from "../field";
import { FIELD_HELP } from "../field-help";
import { fieldId } from "../field-paths";
import type { RequestFormValues } from "../form-schema";
import { useFieldIssues } from "../issue-context";
import styles from "../request-form.module.css";

type WarmBase = "warmThroughput" | `globalSecondaryIndexes.${number}.warmThroughput`;

/**
 * Optional pre-warming of the table or of one index, folded away as an advanced setting: most
 * tables leave warm throughput to AWS, which raises it with use. Empty fields send nothing.
 */
export function WarmThroughputFields({ base, what }: { base: WarmBase; what: string }) {
  const { register, getValues } = useFormContext<RequestFormValues>();
  const warm = getValues(base);
  const isSet = warm?.readUnitsPerSecond !== undefined || warm?.writeUnitsPerSecond !== undefined;
  const flagged = [
    useFieldIssues(base).issues,
    useFieldIssues(`${base}.readUnitsPerSecond`).issues,
    useFieldIssues(`${base}.writeUnitsPerSecond`).issues,
  ].some((issues) => issues.length > 0);
  // Labels say "Warm reads/writes", not "Read units ...": they sit next to the capacity fields, and
  // must not be mistaken for them (by a person or by a label lookup).
  // Its own anchor (like a Section), so findings on the whole group land here, open.
  return (
    <details className={styles.advanced} open={isSet || flagged} id={fieldId(base)} tabIndex={-1}>
      <summary>Warm throughput of {what} (advanced, optional)</summary>
      <SectionIssues name={base} isAnchor={false} />
      <div className={styles.grid2}>
        <Field
          name={`${base}.readUnitsPerSecond`}
          label="Warm reads per second (at least 12,000)"
          help={FIELD_HELP.warmThroughput}
        >
          {(a) => (
            <Input
              type="number"
              min={12000}
              step={1}
              {...a}
              {...register(`${base}.readUnitsPerSecond`, NUMBER_OPTIONS)}
            />
          )}
        </Field>
        <Field name={`${base}.writeUnitsPerSecond`} label="Warm writes per second (at least 4,000)">
          {(a) => (
            <Input
              type="number"
              min={4000}
              step={1}
              {...a}
              {...register(`${base}.writeUnitsPerSecond`, NUMBER_OPTIONS)}
            />
          )}
        </Field>
      </div>
    </details>
  );
}
