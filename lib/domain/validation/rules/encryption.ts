import type { RuleContext } from "./context";

// TF wants a full ARN (key or alias); the API would also take IDs and aliases ([TF] kms_key_arn).
const KMS_ARN = /^arn:aws(?:-[a-z]+)*:kms:([a-z0-9-]+):\d{12}:(?:key|alias)\/[A-Za-z0-9/_-]+$/;

/** Table and replica encryption: key present exactly when customer managed, a real ARN, right Region. */
export function checkEncryption({ request, report }: RuleContext): void {
  const { encryption, regions } = request;
  const isCustomerManaged = encryption.type === "CUSTOMER_MANAGED";

  if (isCustomerManaged && !encryption.kmsKeyArn) {
    report.add("KMS_KEY_REQUIRED", ["encryption", "kmsKeyArn"], "CUSTOMER_MANAGED encryption needs kmsKeyArn.");
  }
  if (!isCustomerManaged && encryption.kmsKeyArn) {
    report.add(
      "KMS_KEY_NOT_ALLOWED",
      ["encryption", "kmsKeyArn"],
      `A KMS key only applies to CUSTOMER_MANAGED encryption, not ${encryption.type}.`,
    );
  }
  if (encryption.kmsKeyArn) checkKeyArn(report, encryption.kmsKeyArn, regions.primary, ["encryption", "kmsKeyArn"]);

  regions.replicas.forEach((replica, i) => {
    const path = ["regions", "replicas", i, "kmsKeyArn"];
    if (isCustomerManaged && !replica.kmsKeyArn) {
      report.add(
        "REPLICA_KMS_KEY_REQUIRED",
        path,
        `The table uses a customer-managed key, so the replica in ${replica.region} needs its own key in that Region.`,
      );
    }
    if (!isCustomerManaged && replica.kmsKeyArn) {
      report.add(
        "REPLICA_KMS_KEY_NOT_ALLOWED",
        path,
        "A replica KMS key only applies when the table's encryption is CUSTOMER_MANAGED.",
      );
    }
    if (replica.kmsKeyArn) checkKeyArn(report, replica.kmsKeyArn, replica.region, path);
  });
}

function checkKeyArn(report: RuleContext["report"], arn: string, region: string, path: (string | number)[]): void {
  const match = KMS_ARN.exec(arn);
  if (!match) {
    report.add(
      "KMS_KEY_ARN_INVALID",
      path,
      "Give the key's full ARN, e.g. arn:aws:kms:us-east-1:123456789012:key/<key-id>.",
    );
  } else if (match[1] !== region) {
    report.add(
      "KMS_KEY_REGION_MISMATCH",
      path,
      `The key is in ${match[1]} but is used in ${region}; KMS keys are regional.`,
    );
  }
}
