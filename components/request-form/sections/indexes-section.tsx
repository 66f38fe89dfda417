"use client";

import { memo, useCallback, useRef } from "react";
import { useFieldArray, useFormContext, useWatch } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Checkbox, Input } from "@/components/ui/form-controls";

import { NUMBER_OPTIONS } from "../controls";
import { Field, SectionIssues } from "../field";
import { FIELD_HELP } from "../field-help";
import { fieldId } from "../field-paths";
import { emptyGsi, emptyLsi } from "../form-defaults";
import type { RequestFormValues } from "../form-schema";
import styles from "../request-form.module.css";
import { Section } from "../section";
import { ArrayItemActions, ListItemActions } from "./array-item-actions";
import { CapacityFields } from "./capacity-fields";
import { KeyAttributeFields } from "./key-attribute-fields";
import { ProjectionFields } from "./projection-fields";
import { WarmThroughputFields } from "./warm-throughput-fields";

// After adding or duplicating an item, put the keyboard where the new item starts.
function focusSoon(id: string) {
  requestAnimationFrame(() => document.getElementById(id)?.focus());
}

function GsiList() {
  const { control, getValues } = useFormContext<RequestFormValues>();
  const { fields, append, insert, remove, move } = useFieldArray({ control, name: "globalSecondaryIndexes" });
  // Stable callbacks, so adding or typing in one card does not re-render the others (memoised below).
  const actions = useRef({ insert, remove, move });
  actions.current = { insert, remove, move };
  const onMove = useCallback((from: number, to: number) => actions.current.move(from, to), []);
  const onRemove = useCallback((index: number) => actions.current.remove(index), []);
  const onDuplicate = useCallback(
    (index: number) => {
      const copy = structuredClone(getValues(`globalSecondaryIndexes.${index}`));
      actions.current.insert(index + 1, { ...copy, name: `${copy.name}-copy` });
      focusSoon(fieldId(`globalSecondaryIndexes.${index + 1}.name`));
    },
    [getValues],
  );
  return (
    <div>
      <h3 className={styles.subheading}>Global secondary indexes</h3>
      <p className={styles.help}>{FIELD_HELP.gsi}</p>
      <SectionIssues name="globalSecondaryIndexes" />
      {fields.map((item, index) => (
        <GsiCard key={item.id} index={index} onMove={onMove} onDuplicate={onDuplicate} onRemove={onRemove} />
      ))}
      <Button
        variant="secondary"
        onClick={() => {
          append(emptyGsi(), { shouldFocus: false });
          focusSoon(fieldId(`globalSecondaryIndexes.${fields.length}.name`));
        }}
      >
        Add GSI
      </Button>
    </div>
  );
}

/**
 * One GSI. Memoised: it re-renders when its own position or its name change (billing mode: only
 * its capacity fields; adding or removing another GSI: only its move buttons).
 */
const GsiCard = memo(function GsiCard({
  index,
  onMove,
  onDuplicate,
  onRemove,
}: {
  index: number;
  onMove: (from: number, to: number) => void;
  onDuplicate: (index: number) => void;
  onRemove: (index: number) => void;
}) {
  const { register } = useFormContext<RequestFormValues>();
  const base = `globalSecondaryIndexes.${index}` as const;
  const name = useWatch<RequestFormValues, `globalSecondaryIndexes.${number}.name`>({ name: `${base}.name` });
  const label = `GSI ${index + 1}${name ? ` (${name})` : ""}`;
  return (
    <fieldset className={styles.arrayItem} id={fieldId(base)} tabIndex={-1}>
      <legend className={styles.arrayLegend}>{label}</legend>
      <ListItemActions
        listName="globalSecondaryIndexes"
        index={index}
        itemLabel={label}
        onMove={onMove}
        onDuplicate={onDuplicate}
        onRemove={onRemove}
      />
      <Field name={`${base}.name`} label="Index name" help={FIELD_HELP.gsiName}>
        {(a) => <Input autoComplete="off" spellCheck={false} {...a} {...register(`${base}.name`)} />}
      </Field>
      <KeyAttributeFields name={`${base}.partitionKey`} label="Partition key" />
      <Field name={`${base}.hasSortKey`} label="Sort key" layout="checkbox">
        {(a) => <Checkbox {...a} {...register(`${base}.hasSortKey`)} />}
      </Field>
      <GsiSortKey index={index} />
      <ProjectionFields index={base} />
      <GsiCapacityFields base={base} />
      <Field name={`${base}.contributorInsights`} label="Contributor Insights on this index" layout="checkbox">
        {(a) => <Checkbox {...a} {...register(`${base}.contributorInsights`)} />}
      </Field>
    </fieldset>
  );
});

function GsiSortKey({ index }: { index: number }) {
  const hasSortKey = useWatch<RequestFormValues>({ name: `globalSecondaryIndexes.${index}.hasSortKey` });
  return hasSortKey === true ? (
    <KeyAttributeFields name={`globalSecondaryIndexes.${index}.sortKey`} label="Sort key" />
  ) : null;
}

function LsiList() {
  const { control, register, getValues } = useFormContext<RequestFormValues>();
  const { fields, append, insert, remove, move } = useFieldArray({ control, name: "localSecondaryIndexes" });
  const names = useWatch<RequestFormValues, "localSecondaryIndexes">({ name: "localSecondaryIndexes" });
  return (
    <div>
      <h3 className={styles.subheading}>Local secondary indexes</h3>
      <p className={styles.help}>{FIELD_HELP.lsi}</p>
      <SectionIssues name="localSecondaryIndexes" />
      {fields.map((item, index) => {
        const label = `LSI ${index + 1}${names?.[index]?.name ? ` (${names[index].name})` : ""}`;
        const base = `localSecondaryIndexes.${index}` as const;
        return (
          <fieldset key={item.id} className={styles.arrayItem} id={fieldId(base)} tabIndex={-1}>
            <legend className={styles.arrayLegend}>{label}</legend>
            <ArrayItemActions
              index={index}
              isLast={index === fields.length - 1}
              itemLabel={label}
              onMove={move}
              onDuplicate={(i) => {
                const copy = structuredClone(getValues(`localSecondaryIndexes.${i}`));
                insert(i + 1, { ...copy, name: `${copy.name}-copy` });
                focusSoon(fieldId(`localSecondaryIndexes.${i + 1}.name`));
              }}
              onRemove={remove}
            />
            <Field name={`${base}.name`} label="Index name" help={FIELD_HELP.gsiName}>
              {(a) => <Input autoComplete="off" spellCheck={false} {...a} {...register(`${base}.name`)} />}
            </Field>
            <KeyAttributeFields name={`${base}.sortKey`} label="Sort key" />
            <ProjectionFields index={base} />
          </fieldset>
        );
      })}
      <Button
        variant="secondary"
        onClick={() => {
          append(emptyLsi(), { shouldFocus: false });
          focusSoon(fieldId(`localSecondaryIndexes.${fields.length}.name`));
        }}
      >
        Add LSI
      </Button>
    </div>
  );
}

export function IndexesSection() {
  return (
    <Section name="indexes" title="Indexes">
      <GsiList />
      <LsiList />
    </Section>
  );
}

/**
 * A GSI's capacity (provisioned) or request-unit caps (on-demand). It watches the billing mode
 * itself, so switching mode re-renders these fields only, not every card.
 */
function GsiCapacityFields({ base }: { base: `globalSecondaryIndexes.${number}` }) {
  const { register } = useFormContext<RequestFormValues>();
  const billingMode = useWatch<RequestFormValues, "billing.mode">({ name: "billing.mode" });
  const capacity =
    billingMode === "PROVISIONED" ? (
      <div className={styles.grid2}>
        <CapacityFields name={`${base}.read`} label="Read" />
        <CapacityFields name={`${base}.write`} label="Write" />
      </div>
    ) : (
      <div className={styles.grid2}>
        <Field name={`${base}.maxReadRequestUnits`} label="Max read request units (optional)">
          {(a) => <Input type="number" min={-1} {...a} {...register(`${base}.maxReadRequestUnits`, NUMBER_OPTIONS)} />}
        </Field>
        <Field name={`${base}.maxWriteRequestUnits`} label="Max write request units (optional)">
          {(a) => <Input type="number" min={-1} {...a} {...register(`${base}.maxWriteRequestUnits`, NUMBER_OPTIONS)} />}
        </Field>
      </div>
    );
  return (
    <>
      {capacity}
      <WarmThroughputFields base={`${base}.warmThroughput`} what="this index" />
    </>
  );
}
