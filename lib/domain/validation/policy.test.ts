import { describe, expect, it } from "vitest";
import type { ValidationCode } from "./codes";
import { devRequest, type Loose, policyWith, typicalRequest, validateWith } from "./test-support";

interface PolicyCase {
  name: string;
  base: () => Loose;
  mutate: (r: Loose) => void;
  policy?: (p: Loose) => void;
  code: ValidationCode;
  path: string;
}

const CASES: PolicyCase[] = [
  {
    name: "prod requires PITR",
    base: typicalRequest,
    mutate: (r) => {
      r.pointInTimeRecovery.enabled = false;
    },
    code: "POLICY_PITR_REQUIRED",
    path: "pointInTimeRecovery.enabled",
  },
  {
    name: "staging requires PITR",
    base: devRequest,
    mutate: (r) => {
      r.tier = "staging";
      r.pointInTimeRecovery.enabled = false;
    },
    code: "POLICY_PITR_REQUIRED",
    path: "pointInTimeRecovery.enabled",
  },
  {
    name: "prod requires 35 days",
    base: typicalRequest,
    mutate: (r) => {
      r.pointInTimeRecovery.recoveryPeriodInDays = 34;
    },
    code: "POLICY_PITR_RECOVERY_PERIOD",
    path: "pointInTimeRecovery.recoveryPeriodInDays",
  },
  {
    name: "prod requires deletion protection",
    base: typicalRequest,
    mutate: (r) => {
      r.deletionProtection = false;
    },
    code: "POLICY_DELETION_PROTECTION_REQUIRED",
    path: "deletionProtection",
  },
  {
    name: "prod requires deletion protection on replicas",
    base: typicalRequest,
    mutate: (r) => {
      r.regions.replicas = [{ region: "us-west-2", deletionProtection: false }];
    },
    code: "POLICY_DELETION_PROTECTION_REQUIRED",
    path: "regions.replicas[0].deletionProtection",
  },
  {
    name: "dev allows one Region",
    base: devRequest,
    mutate: (r) => {
      r.regions.replicas = [{ region: "us-west-2" }];
    },
    code: "POLICY_MAX_REGIONS",
    path: "regions.replicas",
  },
  {
    name: "staging allows three Regions (a witness counts)",
    base: devRequest,
    mutate: (r) => {
      r.tier = "staging";
      r.pointInTimeRecovery.enabled = true;
      r.regions = {
        primary: "us-east-1",
        replicas: [{ region: "us-east-2" }, { region: "us-west-2" }],
        consistency: "STRONG",
        witness: "us-west-1",
      };
    },
    code: "POLICY_MAX_REGIONS",
    path: "regions.replicas",
  },
  {
    name: "dev does not allow active-passive",
    base: devRequest,
    mutate: (r) => {
      r.regions.replicas = [{ region: "us-west-2", role: "STANDBY" }];
      r.drPattern = "ACTIVE_PASSIVE";
    },
    code: "POLICY_DR_PATTERN_NOT_ALLOWED",
    path: "drPattern",
  },
  {
    name: "prod does not allow single Region PITR",
    base: typicalRequest,
    mutate: (r) => {
      delete r.backup;
    },
    code: "POLICY_DR_PATTERN_NOT_ALLOWED",
    path: "regions",
  },
  {
    name: "prod must survive a Region loss",
    base: typicalRequest,
    mutate: (r) => {
      r.backup.copyRegion = "us-east-1";
    },
    code: "POLICY_REGION_LOSS_NOT_SURVIVED",
    path: "regions.replicas",
  },
  {
    name: "prod requires alarms",
    base: typicalRequest,
    mutate: (r) => {
      r.alarms.enabled = false;
    },
    code: "POLICY_ALARMS_REQUIRED",
    path: "alarms",
  },
  {
    name: "mandatory tags",
    base: typicalRequest,
    mutate: (r) => {
      delete r.tags.Environment;
    },
    code: "POLICY_MANDATORY_TAG_MISSING",
    path: "tags.Environment",
  },
  {
    name: "mandatory tags are non-empty",
    base: typicalRequest,
    mutate: (r) => {
      r.tags.Team = "  ";
    },
    code: "POLICY_MANDATORY_TAG_MISSING",
    path: "tags.Team",
  },
  {
    name: "requireBackup",
    base: devRequest,
    mutate: () => {},
    policy: (p) => {
      p.tiers.dev.requireBackup = true;
    },
    code: "POLICY_BACKUP_REQUIRED",
    path: "backup",
  },
  {
    name: "requireCustomerManagedKey",
    base: devRequest,
    mutate: () => {},
    policy: (p) => {
      p.tiers.dev.requireCustomerManagedKey = true;
    },
    code: "POLICY_CUSTOMER_MANAGED_KEY_REQUIRED",
    path: "encryption.type",
  },
  {
    name: "allowedBillingModes",
    base: devRequest,
    mutate: () => {},
    policy: (p) => {
      p.tiers.dev.allowedBillingModes = ["PROVISIONED"];
    },
    code: "POLICY_BILLING_MODE_NOT_ALLOWED",
    path: "billing.mode",
  },
  {
    name: "onDemandOnly",
    base: devRequest,
    mutate: (r) => {
      r.globalSecondaryIndexes = [];
      r.billing = {
        mode: "PROVISIONED",
        read: { units: 5, autoscaling: { minCapacity: 1, maxCapacity: 10, targetUtilization: 70 } },
        write: { units: 5, autoscaling: { minCapacity: 1, maxCapacity: 10, targetUtilization: 70 } },
      };
    },
    policy: (p) => {
      p.onDemandOnly = true;
    },
    code: "POLICY_ON_DEMAND_ONLY",
    path: "billing.mode",
  },
  {
    name: "PITR off in staging warns when the policy leaves it optional",
    base: devRequest,
    mutate: (r) => {
      r.tier = "staging";
      r.pointInTimeRecovery.enabled = false;
    },
    policy: (p) => {
      p.tiers.staging.pointInTimeRecovery = "optional";
    },
    code: "PITR_DISABLED",
    path: "pointInTimeRecovery.enabled",
  },
];

describe("tier policy findings", () => {
  it.each(CASES)("$name → $code", ({ base, mutate, policy, code, path }) => {
    const result = validateWith(base(), mutate, policyWith(policy ?? (() => {})));
    const issue = result.issues.find((i) => i.code === code);
    expect(issue, JSON.stringify(result.issues)).toBeDefined();
    expect(issue?.path).toBe(path);
    if (code.startsWith("POLICY_")) {
      expect(issue?.source).toBe("policy");
      expect(result.valid).toBe(false);
    }
  });

  it("dev tolerates no PITR, no deletion protection, no alarms", () => {
    const result = validateWith(devRequest(), (r) => {
      r.pointInTimeRecovery.enabled = false;
    });
    expect(result.issues).toEqual([]);
  });

  it("a replica satisfies mustSurviveRegionLoss without a backup copy", () => {
    const result = validateWith(typicalRequest(), (r) => {
      delete r.backup;
      r.regions.replicas = [{ region: "us-west-2" }];
    });
    expect(result.issues).toEqual([]);
  });

  it("PITR_DISABLED is not repeated when the policy already requires PITR", () => {
    const result = validateWith(typicalRequest(), (r) => {
      r.pointInTimeRecovery.enabled = false;
    });
    expect(result.issues.map((i) => i.code)).not.toContain("PITR_DISABLED");
  });
});
