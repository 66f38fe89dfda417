import { describe, expect, it } from "vitest";
import { DEFAULT_TIER_POLICY } from "@/lib/domain/policy/default-policy";
import { initialFormValues } from "./form-defaults";
import { changeTier, listTierRequirements, readTierField } from "./tier-change";

const policy = DEFAULT_TIER_POLICY;
const blank = () => initialFormValues({ teams: ["payments"], requesterEmail: "dev@example.com" }, policy);

describe("changeTier", () => {
  it("keeps what the person set (the issue's walk-through: provisioned 600 RCU, PITR 35 days, deletion protection)", () => {
    const v = blank();
    v.billing.mode = "PROVISIONED";
    v.billing.read.units = 600;
    v.billing.read.autoscaling.maxCapacity = 4000;
    v.pointInTimeRecovery = { enabled: true, recoveryPeriodInDays: 35 };
    v.deletionProtection = true;
    const { values, changes } = changeTier(v, "staging", policy);
    expect(values.tier).toBe("staging");
    expect(values.billing.mode).toBe("PROVISIONED");
    expect(values.billing.read.units).toBe(600);
    expect(values.billing.read.autoscaling.maxCapacity).toBe(4000);
    expect(values.pointInTimeRecovery).toEqual({ enabled: true, recoveryPeriodInDays: 35 });
    expect(values.deletionProtection).toBe(true);
    // Only untouched fields moved: alarms (dev off, staging on) and the Environment tag.
    expect(changes.map((c) => c.field).sort()).toEqual(["alarms.enabled", "environmentTag"]);
  });

  it("fills untouched fields with the new tier's defaults and lists each one", () => {
    const { values, changes } = changeTier(blank(), "prod", policy);
    const prod = policy.tiers.prod.defaults;
    expect(values.deletionProtection).toBe(prod.deletionProtection);
    expect(values.pointInTimeRecovery).toEqual(prod.pointInTimeRecovery);
    expect(values.backup.enabled).toBe(true);
    expect(values.backup.copyRegion).toBe(prod.backup?.copyRegion);
    expect(readTierField(values, "environmentTag")).toBe("prod");
    for (const change of changes) expect(readTierField(values, change.field)).toBe(change.to);
    expect(changes.map((c) => c.field)).toContain("backup.enabled");
  });

  it("going back restores the first tier's defaults on fields nobody edited", () => {
    const start = blank();
    const prod = changeTier(start, "prod", policy).values;
    const back = changeTier(prod, "dev", policy).values;
    expect(back.pointInTimeRecovery).toEqual(start.pointInTimeRecovery);
    expect(back.deletionProtection).toBe(start.deletionProtection);
    expect(back.backup.enabled).toBe(false);
    expect(back.alarms.enabled).toBe(start.alarms.enabled);
  });
});

describe("listTierRequirements", () => {
  it("turns each prod rule into a check with the codes that fail it", () => {
    const ids = listTierRequirements(policy.tiers.prod, policy).map((r) => r.id);
    expect(ids).toEqual(expect.arrayContaining(["pitr", "deletion", "region-loss", "dr", "tags"]));
    const labels = listTierRequirements(policy.tiers.prod, policy).map((r) => r.label);
    // People read labels, not enum names.
    for (const label of labels) expect(label).not.toMatch(/[A-Z]{2,}_[A-Z]+/);
  });
});
