"use client";

import { useState } from "react";
import { ScopedTargetForm } from "@/components/admin-targets/scoped-target-form";
import { TextField } from "@/components/admin-targets/target-fields";

/** Creates or replaces the mapping for a scope; the server's field errors appear next to each field. */
export function AccountTargetForm({ teams }: { teams: { slug: string; name: string }[] }) {
  const [accountId, setAccountId] = useState("");
  const [name, setName] = useState("");
  const [roleArn, setRoleArn] = useState("");
  const [externalId, setExternalId] = useState("");
  return (
    <ScopedTargetForm
      title="Map a team or tier to an account"
      endpoint="/api/v1/account-targets"
      teams={teams}
      fieldPaths={["accountId", "name", "roleArn", "externalId"]}
      submitLabel="Save mapping"
      body={() => ({
        accountId: accountId.trim(),
        ...(name.trim() ? { name: name.trim() } : {}),
        roleArn: roleArn.trim(),
        ...(externalId.trim() ? { externalId: externalId.trim() } : {}),
      })}
      onSaved={() => {
        setAccountId("");
        setName("");
        setRoleArn("");
        setExternalId("");
      }}
    >
      {({ id, fieldError }) => (
        <>
          <TextField
            id={`${id}-account`}
            label="AWS account ID"
            hint="Twelve digits."
            placeholder="123456789012"
            value={accountId}
            onChange={setAccountId}
            error={fieldError("accountId")}
          />
          <TextField
            id={`${id}-name`}
            label="Account name (optional)"
            hint="Shown next to the ID in the queue, the inventory and request pages, e.g. checkout-prod."
            value={name}
            onChange={setName}
            error={fieldError("name")}
          />
          <TextField
            id={`${id}-role`}
            label="Role to assume"
            hint="An IAM role in that account, trusted by Tablewright's credentials and the pipeline's."
            placeholder="arn:aws:iam::123456789012:role/tablewright"
            value={roleArn}
            onChange={setRoleArn}
            error={fieldError("roleArn")}
          />
          <TextField
            id={`${id}-external`}
            label="External ID (optional)"
            hint="Only if the role's trust policy requires sts:ExternalId."
            value={externalId}
            onChange={setExternalId}
            error={fieldError("externalId")}
          />
        </>
      )}
    </ScopedTargetForm>
  );
}
