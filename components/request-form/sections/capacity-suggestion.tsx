"use client";

import { useState } from "react";
import { useFormContext, useWatch } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/form-controls";
import {
  type CapacitySuggestion as Suggestion,
  suggestIndexCapacity,
  suggestTableCapacity,
} from "@/lib/domain/capacity/suggest-capacity";
import { fieldId } from "../field-paths";
import type { CapacityFormValues, RequestFormValues } from "../form-schema";
import styles from "../request-form.module.css";

const formatUnits = (n: number) => n.toLocaleString("en-US", { maximumFractionDigits: 1 });

function toCapacityValues(suggestion: Suggestion): CapacityFormValues {
  return { units: suggestion.units, autoscalingEnabled: true, autoscaling: { ...suggestion.autoscaling } };
}

function describe(side: Suggestion, unit: string): string {
  const { need, autoscaling } = side;
  const peak = need.isPeakGiven ? `, ${formatUnits(need.peakUnits)} at the peak` : "";
  const range =
    autoscaling.minCapacity === autoscaling.maxCapacity && !need.isPeakGiven
      ? `auto scaling ${formatUnits(autoscaling.minCapacity)}–${formatUnits(autoscaling.maxCapacity)} at ${autoscaling.targetUtilization}% (give a peak for more headroom)`
      : `auto scaling ${formatUnits(autoscaling.minCapacity)}–${formatUnits(autoscaling.maxCapacity)} at ${autoscaling.targetUtilization}%`;
  return `${formatUnits(need.averageUnits)} ${unit}/s on average${peak} → ${formatUnits(side.units)} ${unit}, ${range}`;
}

/**
 * Provisioned capacity worked out from the expected workload (as the DynamoDB console's
 * calculator does), applied to the table and its indexes in one click.
 */
export function CapacitySuggestion() {
  const { getValues, setValue } = useFormContext<RequestFormValues>();
  const hasWorkload = useWatch<RequestFormValues, "hasWorkload">({ name: "hasWorkload" });
  const workload = useWatch<RequestFormValues, "workload">({ name: "workload" });
  const gsiCount = useWatch<RequestFormValues, "globalSecondaryIndexes">({ name: "globalSecondaryIndexes" }).length;
  const target = useWatch<RequestFormValues, "billing.read.autoscaling.targetUtilization">({
    name: "billing.read.autoscaling.targetUtilization",
  });
  const [isSameForIndexes, setSameForIndexes] = useState(true);
  const [appliedAt, setAppliedAt] = useState<string>();

  if (!hasWorkload) {
    return (
      <div className={styles.suggestion} data-testid="capacity-suggestion">
        <p>
          Know the reads and writes per second? Describe the workload and the form works out the capacity and an auto
          scaling range for the table and every index.
        </p>
        <Button
          variant="secondary"
          size="small"
          onClick={() => {
            setValue("hasWorkload", true, { shouldDirty: true });
            requestAnimationFrame(() => {
              const first = document.getElementById(fieldId("workload.readsPerSecond"));
              first?.scrollIntoView({ block: "center" });
              first?.focus({ preventScroll: true });
            });
          }}
        >
          Describe the workload
        </Button>
      </div>
    );
  }
  const isComplete =
    Number.isFinite(workload.readsPerSecond) &&
    Number.isFinite(workload.writesPerSecond) &&
    Number.isFinite(workload.itemSizeBytes) &&
    workload.itemSizeBytes > 0;
  if (!isComplete) {
    return (
      <p className={styles.suggestion} data-testid="capacity-suggestion">
        Fill in reads, writes and item size in Expected workload to get a capacity suggestion.
      </p>
    );
  }
  const targetUtilization = typeof target === "number" && target >= 20 && target <= 90 ? target : undefined;
  const table = suggestTableCapacity(workload, targetUtilization);

  const apply = () => {
    const options = { shouldDirty: true } as const;
    setValue("billing.read", toCapacityValues(table.read), options);
    setValue("billing.write", toCapacityValues(table.write), options);
    getValues("globalSecondaryIndexes").forEach((gsi, i) => {
      const own = isSameForIndexes ? table : suggestIndexCapacity(workload, gsi.projection.type, targetUtilization);
      setValue(`globalSecondaryIndexes.${i}.read`, toCapacityValues(own.read), options);
      setValue(`globalSecondaryIndexes.${i}.write`, toCapacityValues(own.write), options);
    });
    setAppliedAt(new Date().toLocaleTimeString());
  };

  return (
    <div className={styles.suggestion} data-testid="capacity-suggestion">
      <h3 className={styles.requirementsTitle}>Suggested from the expected workload</h3>
      <ul>
        <li data-testid="suggested-read">Reads: {describe(table.read, "RCU")}</li>
        <li data-testid="suggested-write">Writes: {describe(table.write, "WCU")}</li>
      </ul>
      {(table.read.isAboveDefaultQuota || table.write.isAboveDefaultQuota) && (
        <p className={styles.suggestionWarning}>
          The peak needs more than 40,000 units, the default quota per table and per index: ask AWS for a higher quota
          or use on-demand.
        </p>
      )}
      <div className={styles.suggestionActions}>
        {gsiCount > 0 && (
          <label className={styles.checkLabel} htmlFor="same-capacity-every-gsi">
            <Checkbox
              id="same-capacity-every-gsi"
              checked={isSameForIndexes}
              onChange={(event) => setSameForIndexes(event.target.checked)}
            />
            <span>Same capacity for every GSI</span>
          </label>
        )}
        <Button variant="secondary" size="small" onClick={apply}>
          {gsiCount > 0 ? `Apply to the table and ${gsiCount} GSI${gsiCount === 1 ? "" : "s"}` : "Apply to the table"}
        </Button>
        <span role="status" className={styles.help}>
          {appliedAt ? `Applied at ${appliedAt}.` : ""}
        </span>
      </div>
      {gsiCount > 0 && !isSameForIndexes && (
        <p className={styles.help}>
          Each index writes as the table does (one unit per write for KEYS_ONLY and INCLUDE indexes) and gets the
          table&apos;s read capacity, since the workload does not say how reads split between the table and its indexes.
        </p>
      )}
    </div>
  );
}
