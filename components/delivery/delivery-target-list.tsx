"use client";

import { ScopedTargetList } from "@/components/admin-targets/scoped-target-list";
import controls from "@/components/ui/controls.module.css";
import type { DeliveryTarget } from "@/lib/domain/delivery/delivery-target";

/** The targets, most general first; removing one makes its scope fall back to a wider target (or none). */
export function DeliveryTargetList({ targets }: { targets: DeliveryTarget[] }) {
  return (
    <ScopedTargetList
      targets={targets}
      endpoint="/api/v1/delivery-targets"
      caption="Delivery targets"
      testId="delivery-targets"
      noun="delivery target"
      empty="No delivery targets yet: approved modules are downloaded as zip files only."
      columns={[
        {
          heading: "Repository",
          cell: (t) => (
            <>
              <code>{t.repoUrl}</code> ({t.provider}, {t.baseBranch})
            </>
          ),
        },
        { heading: "Path", cell: (t) => <code>{t.pathTemplate}</code> },
        { heading: "Publish", cell: (t) => (t.mode === "automatic" ? "on approval" : "by button") },
        {
          heading: "Credential",
          cell: (t) => (
            <>
              <code>{t.credentialRef}</code>
              {t.webhookSecretRef && <span className={controls.hint}> webhook: {t.webhookSecretRef}</span>}
            </>
          ),
        },
      ]}
    />
  );
}
