"use client";

import { useState } from "react";
import { ScopedTargetForm } from "@/components/admin-targets/scoped-target-form";
import { SelectField, TextField } from "@/components/admin-targets/target-fields";

/** Creates or replaces the delivery target for a scope; the server's field errors appear next to each field. */
export function DeliveryTargetForm({ teams }: { teams: { slug: string; name: string }[] }) {
  const [provider, setProvider] = useState("github");
  const [repoUrl, setRepoUrl] = useState("");
  const [baseBranch, setBaseBranch] = useState("main");
  const [pathTemplate, setPathTemplate] = useState("dynamodb/{table}/");
  const [apiBaseUrl, setApiBaseUrl] = useState("");
  const [mode, setMode] = useState("manual");
  const [credentialRef, setCredentialRef] = useState("");
  const [webhookSecretRef, setWebhookSecretRef] = useState("");
  return (
    <ScopedTargetForm
      title="Publish a team's or tier's modules to a repository"
      endpoint="/api/v1/delivery-targets"
      teams={teams}
      fieldPaths={[
        "provider",
        "repoUrl",
        "baseBranch",
        "pathTemplate",
        "apiBaseUrl",
        "mode",
        "credentialRef",
        "webhookSecretRef",
      ]}
      submitLabel="Save target"
      body={() => ({
        provider,
        repoUrl: repoUrl.trim(),
        baseBranch: baseBranch.trim(),
        pathTemplate: pathTemplate.trim(),
        mode,
        credentialRef: credentialRef.trim(),
        ...(apiBaseUrl.trim() ? { apiBaseUrl: apiBaseUrl.trim() } : {}),
        ...(webhookSecretRef.trim() ? { webhookSecretRef: webhookSecretRef.trim() } : {}),
      })}
    >
      {({ id, fieldError }) => (
        <>
          <SelectField
            id={`${id}-provider`}
            label="Provider"
            value={provider}
            onChange={setProvider}
            options={[
              ["github", "GitHub (branch and pull request)"],
              ["gitlab", "GitLab (branch and merge request)"],
              ["git", "Other git host (branch only)"],
            ]}
            error={fieldError("provider")}
          />
          <TextField
            id={`${id}-repo`}
            label="Repository URL"
            hint="The HTTPS clone URL; no credentials in it."
            placeholder="https://github.com/acme/infra.git"
            value={repoUrl}
            onChange={setRepoUrl}
            error={fieldError("repoUrl")}
          />
          <TextField
            id={`${id}-base`}
            label="Base branch"
            hint="The branch pull requests target."
            value={baseBranch}
            onChange={setBaseBranch}
            error={fieldError("baseBranch")}
          />
          <TextField
            id={`${id}-path`}
            label="Module path"
            hint="The folder in the repository; {table}, {team} and {tier} are replaced."
            value={pathTemplate}
            onChange={setPathTemplate}
            error={fieldError("pathTemplate")}
          />
          <TextField
            id={`${id}-api`}
            label="API base URL (optional)"
            hint="GitHub Enterprise or self-managed GitLab; default https://api.github.com or https://gitlab.com/api/v4."
            value={apiBaseUrl}
            onChange={setApiBaseUrl}
            error={fieldError("apiBaseUrl")}
          />
          <SelectField
            id={`${id}-mode`}
            label="When to publish"
            value={mode}
            onChange={setMode}
            options={[
              ["manual", "With the Publish button"],
              ["automatic", "Automatically on approval"],
            ]}
            error={fieldError("mode")}
          />
          <TextField
            id={`${id}-credential`}
            label="Credential reference"
            hint="Where the token is: env:NAME or file:/path. Never paste the token itself."
            placeholder="env:TABLEWRIGHT_GITHUB_TOKEN"
            value={credentialRef}
            onChange={setCredentialRef}
            error={fieldError("credentialRef")}
          />
          <TextField
            id={`${id}-webhook`}
            label="Webhook secret reference (optional)"
            hint="env:NAME or file:/path of the secret the provider signs webhooks with."
            placeholder="env:TABLEWRIGHT_WEBHOOK_SECRET"
            value={webhookSecretRef}
            onChange={setWebhookSecretRef}
            error={fieldError("webhookSecretRef")}
          />
        </>
      )}
    </ScopedTargetForm>
  );
}
