import { describe, expect, it } from "vitest";
import { DEFAULT_TIER_POLICY } from "../policy/default-policy";
import type { ValidationCode } from "./codes";
import { devRequest, type Loose, typicalRequest, validateWith } from "./test-support";
import { validateTableRequest } from "./validate-table-request";

const names = (n: number, prefix = "a") => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
const gsi = (name: string, pk: string, extra: Loose = {}) => ({
  name,
  partitionKey: { name: pk, type: "S" },
  projection: { type: "KEYS_ONLY" },
  ...extra,
});
const includeGsi = (name: string, pk: string, nonKey: string[]) =>
  gsi(name, pk, { projection: { type: "INCLUDE", nonKeyAttributes: nonKey } });
const lsi = (name: string, sk: string) => ({
  name,
  sortKey: { name: sk, type: "S" },
  projection: { type: "KEYS_ONLY" },
});
const provisioned = (units: number, scaling?: Loose) => ({ units, ...(scaling ? { autoscaling: scaling } : {}) });
const scaling = (minCapacity: number, maxCapacity: number, targetUtilization = 70) => ({
  minCapacity,
  maxCapacity,
  targetUtilization,
});

interface LimitCase {
  rule: string;
  code: ValidationCode;
  path: string;
  /** Builds the request at a given value; `ok` values must pass, `bad` values must give `code`. */
  build: (value: number) => Loose;
  ok: number[];
  bad: number[];
}

const LIMITS: LimitCase[] = [
  {
    rule: "table name length 3-255",
    code: "TABLE_NAME_LENGTH",
    path: "tableName",
    build: (n) =>
      validateWith(devRequest(), (r) => {
        r.tableName = "t".repeat(n);
      }),
    ok: [3, 255],
    bad: [2, 256],
  },
  {
    rule: "index name length 3-255",
    code: "INDEX_NAME_LENGTH",
    path: "globalSecondaryIndexes[0].name",
    build: (n) =>
      validateWith(devRequest(), (r) => {
        r.globalSecondaryIndexes[0].name = "i".repeat(n);
      }),
    ok: [3, 255],
    bad: [2, 256],
  },
  {
    rule: "LSI name length 3-255",
    code: "INDEX_NAME_LENGTH",
    path: "localSecondaryIndexes[0].name",
    build: (n) =>
      validateWith(devRequest(), (r) => {
        r.localSecondaryIndexes = [lsi("l".repeat(n), "when")];
      }),
    ok: [3, 255],
    bad: [2, 256],
  },
  {
    rule: "key attribute name length 1-255",
    code: "KEY_ATTRIBUTE_NAME_LENGTH",
    path: "sortKey.name",
    build: (n) =>
      validateWith(devRequest(), (r) => {
        r.sortKey.name = "k".repeat(n);
      }),
    ok: [1, 255],
    bad: [0, 256],
  },
  {
    rule: "non-key attribute name length 1-255",
    code: "NON_KEY_ATTRIBUTE_NAME_LENGTH",
    path: "globalSecondaryIndexes[0].projection.nonKeyAttributes[0]",
    build: (n) =>
      validateWith(devRequest(), (r) => {
        r.globalSecondaryIndexes[0].projection.nonKeyAttributes[0] = "n".repeat(n);
      }),
    ok: [1, 255],
    bad: [0, 256],
  },
  {
    rule: "at most 20 GSIs",
    code: "GSI_LIMIT_EXCEEDED",
    path: "globalSecondaryIndexes",
    build: (n) =>
      validateWith(devRequest(), (r) => {
        r.globalSecondaryIndexes = names(n, "g").map((g) => gsi(`idx-${g}`, g));
      }),
    ok: [0, 20],
    bad: [21],
  },
  {
    rule: "at most 5 LSIs",
    code: "LSI_LIMIT_EXCEEDED",
    path: "localSecondaryIndexes",
    build: (n) =>
      validateWith(devRequest(), (r) => {
        r.localSecondaryIndexes = names(n, "s").map((s) => lsi(`lsi-${s}`, s));
      }),
    ok: [1, 5],
    bad: [6],
  },
  {
    rule: "1-20 non-key attributes per index",
    code: "PROJECTION_NON_KEY_ATTRIBUTES_LIMIT",
    path: "globalSecondaryIndexes[0].projection.nonKeyAttributes",
    build: (n) =>
      validateWith(devRequest(), (r) => {
        r.globalSecondaryIndexes[0].projection.nonKeyAttributes = names(n);
      }),
    ok: [1, 20],
    bad: [21],
  },
  {
    rule: "at most 100 non-key attributes across GSIs and LSIs",
    code: "PROJECTION_NON_KEY_ATTRIBUTES_TOTAL",
    path: "localSecondaryIndexes[0].projection.nonKeyAttributes",
    // 5 GSIs x 20 = 100, then an LSI adds n - 100 more (the same names count twice).
    build: (n) =>
      validateWith(devRequest(), (r) => {
        r.globalSecondaryIndexes = names(5, "g").map((g) => includeGsi(`idx-${g}`, g, names(20)));
        if (n > 100)
          r.localSecondaryIndexes = [
            { ...lsi("lsi-extra", "when"), projection: { type: "INCLUDE", nonKeyAttributes: names(n - 100) } },
          ];
      }),
    ok: [100],
    bad: [101],
  },
  {
    rule: "at most 50 tags",
    code: "TAG_LIMIT_EXCEEDED",
    path: "tags",
    build: (n) =>
      validateWith(devRequest(), (r) => {
        for (let i = 0; Object.keys(r.tags).length < n; i++) r.tags[`Extra${i}`] = "x";
      }),
    ok: [50],
    bad: [51],
  },
  {
    rule: "tag key 1-128 characters",
    code: "TAG_KEY_LENGTH",
    path: "tags.KKKK",
    build: (n) =>
      validateWith(devRequest(), (r) => {
        r.tags["K".repeat(n)] = "x";
      }),
    ok: [128],
    bad: [129],
  },
  {
    rule: "tag value 0-256 characters",
    code: "TAG_VALUE_LENGTH",
    path: "tags.Team",
    build: (n) =>
      validateWith(devRequest(), (r) => {
        r.tags.Note = "";
        r.tags.Team = "v".repeat(n);
      }),
    ok: [1, 256],
    bad: [257],
  },
  {
    rule: "PITR recovery period 1-35 days",
    code: "PITR_RECOVERY_PERIOD_RANGE",
    path: "pointInTimeRecovery.recoveryPeriodInDays",
    build: (n) =>
      validateWith(devRequest(), (r) => {
        r.pointInTimeRecovery = { enabled: true, recoveryPeriodInDays: n };
      }),
    ok: [1, 35],
    bad: [0, 36],
  },
  {
    rule: "TTL attribute name 1-255 characters",
    code: "TTL_ATTRIBUTE_NAME_LENGTH",
    path: "ttl.attributeName",
    build: (n) =>
      validateWith(devRequest(), (r) => {
        r.ttl = { enabled: true, attributeName: "t".repeat(n) };
      }),
    ok: [1, 255],
    bad: [0, 256],
  },
  {
    rule: "provisioned table capacity 1-40,000",
    code: "CAPACITY_UNITS_MAX",
    path: "billing.read.units",
    build: (n) =>
      validateWith(devRequest(), (r) => {
        r.globalSecondaryIndexes = [];
        r.billing = {
          mode: "PROVISIONED",
          read: provisioned(n, scaling(1, 40_000)),
          write: provisioned(5, scaling(1, 10)),
        };
      }),
    ok: [1, 40_000],
    bad: [40_001],
  },
  {
    rule: "provisioned capacity at least 1",
    code: "CAPACITY_UNITS_MIN",
    path: "globalSecondaryIndexes[0].capacity.write.units",
    build: (n) =>
      validateWith(devRequest(), (r) => {
        r.globalSecondaryIndexes = [
          gsi("by-owner", "owner", {
            capacity: { read: provisioned(5, scaling(1, 10)), write: provisioned(n, scaling(1, 10)) },
          }),
        ];
        r.billing = {
          mode: "PROVISIONED",
          read: provisioned(5, scaling(1, 10)),
          write: provisioned(5, scaling(1, 10)),
        };
      }),
    ok: [1],
    bad: [0],
  },
  {
    rule: "GSI capacity at most 40,000",
    code: "CAPACITY_UNITS_MAX",
    path: "globalSecondaryIndexes[0].capacity.read.units",
    build: (n) =>
      validateWith(devRequest(), (r) => {
        r.globalSecondaryIndexes = [
          gsi("by-owner", "owner", {
            capacity: { read: provisioned(n, scaling(1, 40_000)), write: provisioned(5, scaling(1, 10)) },
          }),
        ];
        r.billing = {
          mode: "PROVISIONED",
          read: provisioned(5, scaling(1, 10)),
          write: provisioned(5, scaling(1, 10)),
        };
      }),
    ok: [40_000],
    bad: [40_001],
  },
  {
    rule: "auto scaling target 20-90 percent",
    code: "AUTOSCALING_TARGET_OUT_OF_RANGE",
    path: "billing.write.autoscaling.targetUtilization",
    build: (n) =>
      validateWith(devRequest(), (r) => {
        r.globalSecondaryIndexes = [];
        r.billing = {
          mode: "PROVISIONED",
          read: provisioned(5, scaling(1, 10)),
          write: provisioned(5, scaling(1, 10, n)),
        };
      }),
    ok: [20, 90],
    bad: [19, 91],
  },
  {
    rule: "on-demand maximum 1-40,000 or -1",
    code: "ON_DEMAND_THROUGHPUT_ABOVE_QUOTA",
    path: "billing.onDemandThroughput.maxReadRequestUnits",
    build: (n) =>
      validateWith(devRequest(), (r) => {
        r.billing.onDemandThroughput = { maxReadRequestUnits: n };
      }),
    ok: [-1, 1, 40_000],
    bad: [40_001],
  },
  {
    rule: "on-demand maximum is never 0",
    code: "ON_DEMAND_THROUGHPUT_INVALID",
    path: "globalSecondaryIndexes[0].onDemandThroughput.maxWriteRequestUnits",
    build: (n) =>
      validateWith(devRequest(), (r) => {
        r.globalSecondaryIndexes[0].onDemandThroughput = { maxWriteRequestUnits: n };
      }),
    ok: [-1, 1],
    bad: [0],
  },
];

describe("AWS limits: accepted at the limit, rejected just past it", () => {
  for (const c of LIMITS) {
    it.each(c.ok)(`${c.rule}: ${c.code} absent at %s`, (value) => {
      const result = c.build(value);
      expect(result.issues.filter((i: Loose) => i.severity === "error")).toEqual([]);
      expect(result.valid).toBe(true);
    });
    it.each(c.bad)(`${c.rule}: ${c.code} at %s`, (value) => {
      const result = c.build(value);
      expect(result.valid).toBe(false);
      const issue = result.issues.find((i: Loose) => i.code === c.code);
      expect(issue, JSON.stringify(result.issues)).toBeDefined();
      if (!c.path.includes("KKKK")) expect(issue.path).toBe(c.path);
    });
  }
});

interface RuleCase {
  name: string;
  base?: () => Loose;
  mutate: (r: Loose) => void;
  code: ValidationCode;
  path: string;
}

const mrsc = () =>
  validateBase((r) => {
    r.tier = "prod";
    r.regions = {
      primary: "us-east-1",
      replicas: [{ region: "us-east-2" }],
      consistency: "STRONG",
      witness: "us-west-2",
    };
    delete r.backup;
  });
const global = () =>
  validateBase((r) => {
    r.tier = "prod";
    r.regions = { primary: "us-east-1", replicas: [{ region: "eu-west-1" }] };
  });
function validateBase(mutate: (r: Loose) => void): Loose {
  const r = typicalRequest();
  mutate(r);
  return r;
}

const RULES: RuleCase[] = [
  {
    name: "table name characters",
    mutate: (r) => {
      r.tableName = "orders prod";
    },
    code: "TABLE_NAME_CHARACTERS",
    path: "tableName",
  },
  {
    name: "index name characters",
    mutate: (r) => {
      r.globalSecondaryIndexes[1].name = "by status";
    },
    code: "INDEX_NAME_CHARACTERS",
    path: "globalSecondaryIndexes[1].name",
  },
  {
    name: "index names unique across GSIs and LSIs",
    mutate: (r) => {
      r.localSecondaryIndexes = [lsi("by-status", "when")];
    },
    code: "INDEX_NAME_DUPLICATE",
    path: "localSecondaryIndexes[0].name",
  },
  {
    name: "table partition and sort key differ",
    mutate: (r) => {
      r.sortKey.name = "PK";
    },
    code: "KEY_ATTRIBUTE_DUPLICATE",
    path: "sortKey.name",
  },
  {
    name: "LSI sort key is not the partition key",
    mutate: (r) => {
      r.localSecondaryIndexes = [lsi("by-pk", "PK")];
    },
    code: "KEY_ATTRIBUTE_DUPLICATE",
    path: "localSecondaryIndexes[0].sortKey.name",
  },
  {
    name: "one type per attribute name",
    mutate: (r) => {
      r.globalSecondaryIndexes[1].sortKey.type = "S";
    },
    code: "ATTRIBUTE_TYPE_CONFLICT",
    path: "globalSecondaryIndexes[1].sortKey.type",
  },
  {
    name: "LSIs need a table sort key",
    mutate: (r) => {
      delete r.sortKey;
      r.localSecondaryIndexes = [lsi("by-when", "when")];
    },
    code: "LSI_REQUIRES_TABLE_SORT_KEY",
    path: "localSecondaryIndexes",
  },
  {
    name: "nonKeyAttributes only with INCLUDE",
    mutate: (r) => {
      r.globalSecondaryIndexes[1].projection.nonKeyAttributes = ["x"];
    },
    code: "PROJECTION_NON_KEY_ATTRIBUTES_NOT_ALLOWED",
    path: "globalSecondaryIndexes[1].projection.nonKeyAttributes",
  },
  {
    name: "INCLUDE needs nonKeyAttributes",
    mutate: (r) => {
      r.globalSecondaryIndexes[0].projection.nonKeyAttributes = [];
    },
    code: "PROJECTION_NON_KEY_ATTRIBUTES_REQUIRED",
    path: "globalSecondaryIndexes[0].projection.nonKeyAttributes",
  },
  {
    name: "duplicate non-key attribute warns",
    mutate: (r) => {
      r.globalSecondaryIndexes[0].projection.nonKeyAttributes.push("total");
    },
    code: "NON_KEY_ATTRIBUTE_DUPLICATE",
    path: "globalSecondaryIndexes[0].projection.nonKeyAttributes[3]",
  },
  {
    name: "GSI capacity required when provisioned",
    mutate: (r) => {
      r.billing = { mode: "PROVISIONED", read: provisioned(5, scaling(1, 10)), write: provisioned(5, scaling(1, 10)) };
    },
    code: "GSI_CAPACITY_REQUIRED",
    path: "globalSecondaryIndexes[0].capacity",
  },
  {
    name: "GSI capacity forbidden on demand",
    mutate: (r) => {
      r.globalSecondaryIndexes[0].capacity = { read: provisioned(5), write: provisioned(5) };
    },
    code: "GSI_CAPACITY_NOT_ALLOWED",
    path: "globalSecondaryIndexes[0].capacity",
  },
  {
    name: "provisioned without auto scaling warns",
    mutate: (r) => {
      r.globalSecondaryIndexes = [];
      r.billing = { mode: "PROVISIONED", read: provisioned(5), write: provisioned(5, scaling(1, 10)) };
    },
    code: "PROVISIONED_WITHOUT_AUTOSCALING",
    path: "billing.read.autoscaling",
  },
  {
    name: "auto scaling min above max",
    mutate: (r) => {
      r.globalSecondaryIndexes = [];
      r.billing = { mode: "PROVISIONED", read: provisioned(5, scaling(20, 10)), write: provisioned(5, scaling(1, 10)) };
    },
    code: "AUTOSCALING_MIN_ABOVE_MAX",
    path: "billing.read.autoscaling.minCapacity",
  },
  {
    name: "auto scaling min at least 1",
    mutate: (r) => {
      r.globalSecondaryIndexes = [];
      r.billing = { mode: "PROVISIONED", read: provisioned(5, scaling(0, 10)), write: provisioned(5, scaling(1, 10)) };
    },
    code: "AUTOSCALING_MIN_TOO_LOW",
    path: "billing.read.autoscaling.minCapacity",
  },
  {
    name: "initial capacity outside the scaling range warns",
    mutate: (r) => {
      r.globalSecondaryIndexes = [];
      r.billing = { mode: "PROVISIONED", read: provisioned(50, scaling(1, 10)), write: provisioned(5, scaling(1, 10)) };
    },
    code: "AUTOSCALING_UNITS_OUTSIDE_RANGE",
    path: "billing.read.units",
  },
  {
    name: "account quota 80,000 warns",
    mutate: (r) => {
      r.globalSecondaryIndexes = [
        gsi("by-a", "a", {
          capacity: { read: provisioned(40_000, scaling(1, 40_000)), write: provisioned(5, scaling(1, 10)) },
        }),
      ];
      r.billing = {
        mode: "PROVISIONED",
        read: provisioned(40_000, scaling(1, 40_000)),
        write: provisioned(5, scaling(1, 10)),
      };
      r.globalSecondaryIndexes[0].capacity.read.units = 40_000;
      r.billing.read.units = 40_000;
      r.globalSecondaryIndexes.push(
        gsi("by-b", "b", { capacity: { read: provisioned(1, scaling(1, 10)), write: provisioned(1, scaling(1, 10)) } }),
      );
    },
    code: "ACCOUNT_CAPACITY_QUOTA",
    path: "billing",
  },
  {
    name: "on-demand maximums conflict with provisioned GSIs",
    mutate: (r) => {
      r.globalSecondaryIndexes = [
        gsi("by-a", "a", {
          onDemandThroughput: { maxReadRequestUnits: 5 },
          capacity: { read: provisioned(5, scaling(1, 10)), write: provisioned(5, scaling(1, 10)) },
        }),
      ];
      r.billing = { mode: "PROVISIONED", read: provisioned(5, scaling(1, 10)), write: provisioned(5, scaling(1, 10)) };
    },
    code: "ON_DEMAND_THROUGHPUT_WITH_PROVISIONED",
    path: "globalSecondaryIndexes[0].onDemandThroughput",
  },
  {
    name: "stream needs a view type",
    mutate: (r) => {
      r.stream = { enabled: true };
    },
    code: "STREAM_VIEW_TYPE_REQUIRED",
    path: "stream.viewType",
  },
  {
    name: "view type needs a stream",
    mutate: (r) => {
      r.stream = { enabled: false, viewType: "NEW_IMAGE" };
    },
    code: "STREAM_VIEW_TYPE_WITHOUT_STREAM",
    path: "stream.viewType",
  },
  {
    name: "TTL with stream and no consumer warns",
    mutate: (r) => {
      r.ttl = { enabled: true };
      r.stream = { enabled: true, viewType: "OLD_IMAGE" };
    },
    code: "TTL_STREAM_WITHOUT_CONSUMER",
    path: "stream.hasConsumer",
  },
  {
    name: "TTL on a string key warns",
    mutate: (r) => {
      r.ttl = { enabled: true, attributeName: "SK" };
    },
    code: "TTL_ATTRIBUTE_NOT_NUMBER",
    path: "ttl.attributeName",
  },
  {
    name: "CMK needs a key",
    mutate: (r) => {
      r.encryption = { type: "CUSTOMER_MANAGED" };
    },
    code: "KMS_KEY_REQUIRED",
    path: "encryption.kmsKeyArn",
  },
  {
    name: "key only with CMK",
    mutate: (r) => {
      r.encryption = { type: "AWS_OWNED", kmsKeyArn: "arn:aws:kms:us-east-1:123456789012:key/abc" };
    },
    code: "KMS_KEY_NOT_ALLOWED",
    path: "encryption.kmsKeyArn",
  },
  {
    name: "key must be an ARN",
    mutate: (r) => {
      r.encryption = { type: "CUSTOMER_MANAGED", kmsKeyArn: "1234abcd-12ab-34cd-56ef-1234567890ab" };
    },
    code: "KMS_KEY_ARN_INVALID",
    path: "encryption.kmsKeyArn",
  },
  {
    name: "key in the table's Region",
    mutate: (r) => {
      r.encryption = { type: "CUSTOMER_MANAGED", kmsKeyArn: "arn:aws:kms:us-west-2:123456789012:key/abc" };
    },
    code: "KMS_KEY_REGION_MISMATCH",
    path: "encryption.kmsKeyArn",
  },
  {
    name: "replica needs its own CMK",
    base: global,
    mutate: (r) => {
      r.encryption = { type: "CUSTOMER_MANAGED", kmsKeyArn: "arn:aws:kms:us-east-1:123456789012:key/abc" };
    },
    code: "REPLICA_KMS_KEY_REQUIRED",
    path: "regions.replicas[0].kmsKeyArn",
  },
  {
    name: "replica key in the replica's Region",
    base: global,
    mutate: (r) => {
      r.encryption = { type: "CUSTOMER_MANAGED", kmsKeyArn: "arn:aws:kms:us-east-1:123456789012:key/abc" };
      r.regions.replicas[0].kmsKeyArn = "arn:aws:kms:us-east-1:123456789012:key/abc";
    },
    code: "KMS_KEY_REGION_MISMATCH",
    path: "regions.replicas[0].kmsKeyArn",
  },
  {
    name: "replica key only with CMK",
    base: global,
    mutate: (r) => {
      r.regions.replicas[0].kmsKeyArn = "arn:aws:kms:eu-west-1:123456789012:key/abc";
    },
    code: "REPLICA_KMS_KEY_NOT_ALLOWED",
    path: "regions.replicas[0].kmsKeyArn",
  },
  {
    name: "replica not in the primary Region",
    base: global,
    mutate: (r) => {
      r.regions.replicas[0].region = "us-east-1";
    },
    code: "REPLICA_IN_PRIMARY_REGION",
    path: "regions.replicas[0].region",
  },
  {
    name: "one replica per Region",
    base: global,
    mutate: (r) => {
      r.regions.replicas.push({ region: "eu-west-1" });
    },
    code: "REPLICA_DUPLICATE_REGION",
    path: "regions.replicas[1].region",
  },
  {
    name: "per-replica table class refused on MRSC (its replicas are blocks, which have no class)",
    base: mrsc,
    mutate: (r) => {
      r.regions.replicas[0].tableClass = "STANDARD_INFREQUENT_ACCESS";
    },
    code: "PROVIDER_REPLICA_TABLE_CLASS_UNSUPPORTED",
    path: "regions.replicas[0].tableClass",
  },
  {
    name: "global table stream cannot be disabled",
    base: global,
    mutate: (r) => {
      r.stream = { enabled: false };
    },
    code: "GLOBAL_TABLE_STREAM_DISABLED",
    path: "stream.enabled",
  },
  {
    name: "global table stream is NEW_AND_OLD_IMAGES",
    base: global,
    mutate: (r) => {
      r.stream = { enabled: true, viewType: "NEW_IMAGE" };
    },
    code: "GLOBAL_TABLE_STREAM_VIEW_TYPE",
    path: "stream.viewType",
  },
  {
    name: "provisioned global table needs write auto scaling",
    base: global,
    mutate: (r) => {
      r.globalSecondaryIndexes = [];
      r.billing = { mode: "PROVISIONED", read: provisioned(5, scaling(1, 10)), write: provisioned(5) };
    },
    code: "GLOBAL_TABLE_WRITE_AUTOSCALING_REQUIRED",
    path: "billing.write.autoscaling",
  },
  {
    name: "replica read override only when provisioned",
    base: global,
    mutate: (r) => {
      r.regions.replicas[0].readCapacityOverride = 5;
    },
    code: "REPLICA_READ_CAPACITY_OVERRIDE_NOT_PROVISIONED",
    path: "regions.replicas[0].readCapacityOverride",
  },
  {
    name: "replica on-demand override only on demand",
    base: global,
    mutate: (r) => {
      r.globalSecondaryIndexes = [];
      r.billing = { mode: "PROVISIONED", read: provisioned(5, scaling(1, 10)), write: provisioned(5, scaling(1, 10)) };
      r.regions.replicas[0].maxReadRequestUnitsOverride = 5;
    },
    code: "REPLICA_MAX_READ_OVERRIDE_NOT_ON_DEMAND",
    path: "regions.replicas[0].maxReadRequestUnitsOverride",
  },
  {
    name: "replica read capacity override cannot be rendered",
    base: global,
    mutate: (r) => {
      r.globalSecondaryIndexes = [];
      r.billing = { mode: "PROVISIONED", read: provisioned(5, scaling(1, 10)), write: provisioned(5, scaling(1, 10)) };
      r.regions.replicas[0].readCapacityOverride = 5;
    },
    code: "PROVIDER_REPLICA_READ_CAPACITY_OVERRIDE_UNSUPPORTED",
    path: "regions.replicas[0].readCapacityOverride",
  },
  {
    name: "replica on-demand read maximum cannot be rendered",
    base: global,
    mutate: (r) => {
      r.regions.replicas[0].maxReadRequestUnitsOverride = 5;
    },
    code: "PROVIDER_REPLICA_MAX_READ_OVERRIDE_UNSUPPORTED",
    path: "regions.replicas[0].maxReadRequestUnitsOverride",
  },
  {
    name: "witness only with STRONG",
    base: global,
    mutate: (r) => {
      r.regions.witness = "us-west-2";
    },
    code: "WITNESS_REQUIRES_STRONG_CONSISTENCY",
    path: "regions.witness",
  },
  {
    name: "witness not in a replica Region",
    base: mrsc,
    mutate: (r) => {
      r.regions.witness = "us-east-1";
    },
    code: "WITNESS_IN_REPLICA_REGION",
    path: "regions.witness",
  },
  {
    name: "MRSC with 2 Regions",
    base: mrsc,
    mutate: (r) => {
      delete r.regions.witness;
    },
    code: "MRSC_REGION_COUNT",
    path: "regions.replicas",
  },
  {
    name: "MRSC with 4 Regions",
    base: mrsc,
    mutate: (r) => {
      r.regions.replicas.push({ region: "us-west-1" });
    },
    code: "MRSC_REGION_COUNT",
    path: "regions.replicas",
  },
  {
    name: "MRSC in one Region set",
    base: mrsc,
    mutate: (r) => {
      r.regions.witness = "eu-west-1";
    },
    code: "MRSC_REGION_SET",
    path: "regions",
  },
  {
    name: "MRSC without TTL",
    base: mrsc,
    mutate: (r) => {
      r.ttl = { enabled: true };
    },
    code: "MRSC_TTL_UNSUPPORTED",
    path: "ttl.enabled",
  },
  {
    name: "MRSC without LSIs",
    base: mrsc,
    mutate: (r) => {
      r.localSecondaryIndexes = [lsi("by-when", "when")];
    },
    code: "MRSC_LSI_UNSUPPORTED",
    path: "localSecondaryIndexes",
  },
  {
    name: "MRSC without transactions",
    base: mrsc,
    mutate: (r) => {
      r.workload = {
        readsPerSecond: 1,
        writesPerSecond: 1,
        itemSizeBytes: 100,
        storageGb: 1,
        readConsistency: "TRANSACTIONAL",
      };
    },
    code: "MRSC_TRANSACTIONS_UNSUPPORTED",
    path: "workload.readConsistency",
  },
  {
    name: "MRSC with streams warns",
    base: mrsc,
    mutate: (r) => {
      r.stream = { enabled: true, viewType: "NEW_AND_OLD_IMAGES" };
    },
    code: "MRSC_STREAM_NOT_PROPAGATED",
    path: "stream.enabled",
  },
  {
    name: "drPattern ACTIVE_ACTIVE_MREC with one Region",
    mutate: (r) => {
      r.drPattern = "ACTIVE_ACTIVE_MREC";
    },
    code: "DR_PATTERN_MISMATCH",
    path: "drPattern",
  },
  {
    name: "drPattern MRSC on an eventual global table",
    base: global,
    mutate: (r) => {
      r.drPattern = "MRSC";
    },
    code: "DR_PATTERN_MISMATCH",
    path: "drPattern",
  },
  {
    name: "tag key characters",
    mutate: (r) => {
      r.tags["Owner#1"] = "x";
    },
    code: "TAG_KEY_CHARACTERS",
    path: 'tags["Owner#1"]',
  },
  {
    name: "tag value characters",
    mutate: (r) => {
      r.tags.Owner = "a@b";
    },
    code: "TAG_VALUE_CHARACTERS",
    path: "tags.Owner",
  },
  {
    name: "aws: prefix reserved",
    mutate: (r) => {
      r.tags["AWS:x"] = "y";
    },
    code: "TAG_KEY_RESERVED_PREFIX",
    path: 'tags["AWS:x"]',
  },
  {
    name: "backup schedule is cron",
    mutate: (r) => {
      r.backup.schedule = "rate(1 hour)";
    },
    code: "BACKUP_SCHEDULE_INVALID",
    path: "backup.schedule",
  },
  {
    name: "backup retention at least 1",
    mutate: (r) => {
      r.backup.copyRetentionDays = 0;
    },
    code: "BACKUP_RETENTION_INVALID",
    path: "backup.copyRetentionDays",
  },
  {
    name: "copy retention needs a copy Region",
    mutate: (r) => {
      r.regions.replicas = [{ region: "us-west-2" }];
      delete r.backup.copyRegion;
      r.backup.copyRetentionDays = 7;
    },
    code: "BACKUP_COPY_RETENTION_WITHOUT_REGION",
    path: "backup.copyRetentionDays",
  },
  {
    name: "copy to the same Region is refused",
    mutate: (r) => {
      r.regions.replicas = [{ region: "us-west-2" }];
      r.backup.copyRegion = "us-east-1";
    },
    code: "BACKUP_COPY_SAME_REGION",
    path: "backup.copyRegion",
  },
  {
    name: "copy Region while backup disabled warns",
    base: devRequest,
    mutate: (r) => {
      r.backup = { enabled: false, copyRegion: "us-west-2" };
    },
    code: "BACKUP_SETTINGS_WHILE_DISABLED",
    path: "backup.enabled",
  },
  {
    name: "alarm topic is an SNS ARN",
    mutate: (r) => {
      r.alarms.notificationTopicArn = "arn:aws:sqs:us-east-1:123456789012:q";
    },
    code: "ALARM_TOPIC_ARN_INVALID",
    path: "alarms.notificationTopicArn",
  },
];

describe("cross-field rules", () => {
  it.each(RULES)("$name → $code at $path", ({ base, mutate, code, path }) => {
    const request = (base ?? typicalRequest)();
    const before = validateTableRequest(structuredClone(request), DEFAULT_TIER_POLICY);
    expect(before.issues.map((i) => i.code)).not.toContain(code);
    const result = validateWith(request, mutate);
    const issue = result.issues.find((i) => i.code === code);
    expect(issue, JSON.stringify(result.issues)).toBeDefined();
    expect(issue?.path).toBe(path);
    if (issue?.severity === "error") expect(result.valid).toBe(false);
  });

  it.each([
    {
      field: "readCapacityOverride",
      mode: "PROVISIONED",
      provider: "PROVIDER_REPLICA_READ_CAPACITY_OVERRIDE_UNSUPPORTED",
      billing: "REPLICA_READ_CAPACITY_OVERRIDE_NOT_PROVISIONED",
    },
    {
      field: "readCapacityOverride",
      mode: "PAY_PER_REQUEST",
      provider: "PROVIDER_REPLICA_READ_CAPACITY_OVERRIDE_UNSUPPORTED",
      billing: "REPLICA_READ_CAPACITY_OVERRIDE_NOT_PROVISIONED",
    },
    {
      field: "maxReadRequestUnitsOverride",
      mode: "PAY_PER_REQUEST",
      provider: "PROVIDER_REPLICA_MAX_READ_OVERRIDE_UNSUPPORTED",
      billing: "REPLICA_MAX_READ_OVERRIDE_NOT_ON_DEMAND",
    },
    {
      field: "maxReadRequestUnitsOverride",
      mode: "PROVISIONED",
      provider: "PROVIDER_REPLICA_MAX_READ_OVERRIDE_UNSUPPORTED",
      billing: "REPLICA_MAX_READ_OVERRIDE_NOT_ON_DEMAND",
    },
  ] as const)(
    "refuses replica $field under $mode with $provider (never silently dropped)",
    ({ field, mode, provider, billing }) => {
      const result = validateWith(global(), (r) => {
        if (mode === "PROVISIONED") {
          r.globalSecondaryIndexes = [];
          r.billing = { mode, read: provisioned(5, scaling(1, 10)), write: provisioned(5, scaling(1, 10)) };
        }
        r.regions.replicas[0][field] = 5;
      });
      expect(result.valid).toBe(false);
      const issue = result.issues.find((i) => i.code === provider);
      expect(issue).toMatchObject({ severity: "error", source: "provider", path: `regions.replicas[0].${field}` });
      // The billing-mode check still reports what DynamoDB itself would reject, and only then.
      const modeMatches = (field === "readCapacityOverride") === (mode === "PROVISIONED");
      expect(result.issues.some((i) => i.code === billing)).toBe(!modeMatches);
    },
  );

  it("allows a per-replica table class on an MREC table (aws_dynamodb_table_replica table_class_override)", () => {
    const result = validateWith(global(), (r) => {
      r.regions.replicas[0].tableClass = "STANDARD_INFREQUENT_ACCESS";
    });
    expect(result.issues.filter((i) => i.severity === "error")).toEqual([]);
  });

  it("allows a replica table class equal to the table's (nothing to render)", () => {
    const result = validateWith(global(), (r) => {
      r.regions.replicas[0].tableClass = "STANDARD";
    });
    expect(result.issues.map((i) => i.code)).not.toContain("PROVIDER_REPLICA_TABLE_CLASS_UNSUPPORTED");
  });

  it("does not warn about a TTL stream without consumer on a global table (the stream is for replication)", () => {
    const result = validateWith(global(), (r) => {
      r.ttl = { enabled: true };
      r.stream = { enabled: true, viewType: "NEW_AND_OLD_IMAGES" };
    });
    expect(result.issues.map((i) => i.code)).not.toContain("TTL_STREAM_WITHOUT_CONSUMER");
  });

  it("returns the parsed request with defaults applied", () => {
    const result = validateTableRequest(typicalRequest(), DEFAULT_TIER_POLICY);
    expect(result.valid).toBe(true);
    expect(result.request?.tableClass).toBe("STANDARD");
    expect(result.request?.regions.consistency).toBe("EVENTUAL");
  });
});
