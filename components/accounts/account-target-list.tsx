"use client";

import { ScopedTargetList } from "@/components/admin-targets/scoped-target-list";
import controls from "@/components/ui/controls.module.css";
import type { AccountTarget } from "@/lib/domain/accounts/account-target";

/** The mappings, most general first; removing one makes its scope fall back to a wider mapping. */
export function AccountTargetList({ targets }: { targets: AccountTarget[] }) {
  return (
    <ScopedTargetList
      targets={targets}
      endpoint="/api/v1/account-targets"
      caption="Account mappings"
      testId="account-targets"
      noun="mapping"
      empty="No mappings yet: every table is checked and created with the default credentials' account."
      columns={[
        {
          heading: "Account",
          cell: (t) => (
            <>
              <code>{t.accountId}</code>
              {t.name && <span className={controls.hint}> {t.name}</span>}
            </>
          ),
        },
        {
          heading: "Role",
          cell: (t) => (
            <>
              <code>{t.roleArn}</code>
              {t.externalId && <span className={controls.hint}> external ID set</span>}
            </>
          ),
        },
      ]}
    />
  );
}
