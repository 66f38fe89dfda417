"use client";

import { memo, useCallback, useRef } from "react";
import { useFieldArray, useFormContext, useWatch } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Checkbox, Input, Select } from "@/components/ui/form-controls";
import { AWS_REGIONS, findMrscRegionSet, MRSC_REGION_SETS } from "@/lib/domain/regions";
import { DR_PATTERNS } from "@/lib/domain/request/schema";
import { RegionOptions } from "../controls";
import { DR_PATTERN_LABELS } from "../dr-pattern-labels";
import { Field, SectionIssues } from "../field";
import { FIELD_HELP } from "../field-help";
import { fieldId } from "../field-paths";
import { emptyReplica } from "../form-defaults";
import type { RequestFormValues } from "../form-schema";
import styles from "../request-form.module.css";
import { Section } from "../section";
import { ListItemActions } from "./array-item-actions";

const INHERIT_OPTIONS = [
  { value: "inherit", label: "Same as the table" },
  { value: "on", label: "On" },
  { value: "off", label: "Off" },
] as const;

/** A replica setting that follows the table unless switched on or off here. */
function InheritField({
  name,
  label,
}: {
  name: `regions.replicas.${number}.${"pointInTimeRecovery" | "deletionProtection"}`;
  label: string;
}) {
  const { register } = useFormContext<RequestFormValues>();
  return (
    <Field name={name} label={label}>
      {(a) => (
        <Select {...a} {...register(name)}>
          {INHERIT_OPTIONS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </Select>
      )}
    </Field>
  );
}

/** The first Region not yet used, preferring the primary's MRSC set (the likeliest next pick). */
function nextFreeRegion(used: string[]): RequestFormValues["regions"]["primary"] {
  const set = findMrscRegionSet([used[0] ?? ""]);
  const preferred = set ? MRSC_REGION_SETS[set] : [];
  return [...preferred, ...AWS_REGIONS].find((r) => !used.includes(r)) ?? "us-west-2";
}

/** The MRSC Region sets, with the one the table's Regions fall in (it watches the Regions itself). */
function MrscRegionSets() {
  const primary = useWatch<RequestFormValues, "regions.primary">({ name: "regions.primary" });
  const replicas = useWatch<RequestFormValues, "regions.replicas">({ name: "regions.replicas" }) ?? [];
  const witness = useWatch<RequestFormValues, "regions.witness">({ name: "regions.witness" });
  const regions = [primary, ...replicas.map((r) => r.region), ...(witness ? [witness] : [])];
  const current = findMrscRegionSet(regions);
  return (
    <div className={styles.mrscSets} data-testid="mrsc-region-sets">
      <p className={styles.help}>
        MRSC needs all three Regions in one set.{" "}
        {current ? (
          <strong>Your Regions are in the {current} set.</strong>
        ) : (
          <strong>Your Regions are not all in one set.</strong>
        )}
      </p>
      <ul>
        {Object.entries(MRSC_REGION_SETS).map(([name, members]) => (
          <li key={name} className={name === current ? styles.mrscSetActive : undefined}>
            <strong>{name}:</strong> {members.join(", ")}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function RegionsSection() {
  const { control, register, getValues } = useFormContext<RequestFormValues>();
  const { fields, append, remove, move } = useFieldArray({ control, name: "regions.replicas" });
  const consistency = useWatch<RequestFormValues, "regions.consistency">({ name: "regions.consistency" });
  // Stable callbacks, so adding or editing one replica does not re-render the others (memoised below).
  const actions = useRef({ remove, move });
  actions.current = { remove, move };
  const onMove = useCallback((from: number, to: number) => actions.current.move(from, to), []);
  const onRemove = useCallback((index: number) => actions.current.remove(index), []);
  return (
    <Section name="regions" title="Regions">
      <Field name="regions.primary" label="Primary Region" help={FIELD_HELP.primaryRegion}>
        {(a) => (
          <Select {...a} {...register("regions.primary")}>
            <RegionOptions />
          </Select>
        )}
      </Field>
      <h3 className={styles.subheading}>Replicas (global table)</h3>
      <p className={styles.help}>{FIELD_HELP.replicas}</p>
      <SectionIssues name="regions.replicas" />
      {fields.map((item, index) => (
        <ReplicaCard key={item.id} index={index} onMove={onMove} onRemove={onRemove} />
      ))}
      <Button
        variant="secondary"
        onClick={() => {
          const current = getValues("regions");
          append(emptyReplica(nextFreeRegion([current.primary, ...current.replicas.map((r) => r.region)])), {
            shouldFocus: false,
          });
          requestAnimationFrame(() =>
            document.getElementById(fieldId(`regions.replicas.${fields.length}.region`))?.focus(),
          );
        }}
      >
        Add replica
      </Button>
      <div className={styles.grid2}>
        <Field name="regions.consistency" label="Consistency" help={FIELD_HELP.consistency}>
          {(a) => (
            <Select {...a} {...register("regions.consistency")}>
              <option value="EVENTUAL">EVENTUAL (MREC, last writer wins)</option>
              <option value="STRONG">STRONG (MRSC, zero RPO)</option>
            </Select>
          )}
        </Field>
        {consistency === "STRONG" && (
          <Field name="regions.witness" label="Witness Region" help={FIELD_HELP.witness}>
            {(a) => (
              <Select {...a} {...register("regions.witness")}>
                <RegionOptions emptyLabel="No witness (3 replicas)" />
              </Select>
            )}
          </Field>
        )}
      </div>
      <Field name="drPattern" label="Disaster-recovery pattern" help={FIELD_HELP.drPattern}>
        {(a) => (
          <Select {...a} {...register("drPattern")}>
            <option value="">Work it out from the settings above</option>
            {DR_PATTERNS.map((pattern) => (
              <option key={pattern} value={pattern}>
                {DR_PATTERN_LABELS[pattern]}
              </option>
            ))}
          </Select>
        )}
      </Field>
      {consistency === "STRONG" && <MrscRegionSets />}
    </Section>
  );
}

/**
 * One replica. Memoised: it re-renders when its own position, its Region or the encryption type
 * change (adding or removing another replica: only its move buttons).
 */
const ReplicaCard = memo(function ReplicaCard({
  index,
  onMove,
  onRemove,
}: {
  index: number;
  onMove: (from: number, to: number) => void;
  onRemove: (index: number) => void;
}) {
  const { register } = useFormContext<RequestFormValues>();
  const base = `regions.replicas.${index}` as const;
  const region = useWatch<RequestFormValues, `regions.replicas.${number}.region`>({ name: `${base}.region` });
  const encryption = useWatch<RequestFormValues, "encryption.type">({ name: "encryption.type" });
  const label = `Replica ${index + 1} (${region ?? ""})`;
  return (
    <fieldset className={styles.arrayItem} id={fieldId(base)} tabIndex={-1}>
      <legend className={styles.arrayLegend}>{label}</legend>
      <ListItemActions
        listName="regions.replicas"
        index={index}
        itemLabel={label}
        onMove={onMove}
        onRemove={onRemove}
      />
      <div className={styles.grid2}>
        <Field name={`${base}.region`} label="Region">
          {(a) => (
            <Select {...a} {...register(`${base}.region`)}>
              <RegionOptions />
            </Select>
          )}
        </Field>
        <Field name={`${base}.role`} label="Role" help={FIELD_HELP.replicaRole}>
          {(a) => (
            <Select {...a} {...register(`${base}.role`)}>
              <option value="ACTIVE">ACTIVE (takes traffic)</option>
              <option value="STANDBY">STANDBY (failover only)</option>
            </Select>
          )}
        </Field>
        <InheritField name={`${base}.pointInTimeRecovery`} label="PITR on this replica" />
        <InheritField name={`${base}.deletionProtection`} label="Deletion protection on this replica" />
      </div>
      <div className={styles.grid2}>
        <Field name={`${base}.tableClass`} label="Table class of this replica">
          {(a) => (
            <Select {...a} {...register(`${base}.tableClass`)}>
              <option value="">Same as the table</option>
              <option value="STANDARD">Standard</option>
              <option value="STANDARD_INFREQUENT_ACCESS">Standard-Infrequent Access</option>
            </Select>
          )}
        </Field>
        <Field
          name={`${base}.propagateTags`}
          label="Copy the table's tags to this replica"
          layout="checkbox"
          help={FIELD_HELP.propagateTags}
        >
          {(a) => <Checkbox {...a} {...register(`${base}.propagateTags`)} />}
        </Field>
      </div>
      {encryption === "CUSTOMER_MANAGED" && (
        <Field name={`${base}.kmsKeyArn`} label="KMS key ARN in this Region" help={FIELD_HELP.kmsKeyArn}>
          {(a) => <Input spellCheck={false} {...a} {...register(`${base}.kmsKeyArn`)} />}
        </Field>
      )}
    </fieldset>
  );
});
