"use client";

import { useEffect, useState } from "react";
import { useFormContext } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Select } from "@/components/ui/form-controls";
import { mergeDraft, readDraft, removeDraft, writeDraft } from "./draft-storage";
import { loadExample, REQUEST_EXAMPLES, type RequestExampleId } from "./examples";
import { fromTableRequest } from "./form-defaults";
import type { RequestFormValues } from "./form-schema";
import styles from "./request-form.module.css";

/** Where the form as it was before an example replaced it is kept (beside the autosaved draft). */
export function exampleBackupKey(storageKey: string): string {
  return `${storageKey}:before-example`;
}

/**
 * Fills the form from an example. The examples belong to other teams, so the owner becomes the
 * person's own team and email. A form with edits asks first, and what it held is kept in this
 * browser (apart from the autosaved draft, which the example then replaces) until "Restore my
 * form" brings it back, even after a reload.
 */
export function LoadExample({
  blank,
  teams,
  requesterEmail,
  storageKey,
}: {
  blank: RequestFormValues;
  teams: string[];
  requesterEmail: string;
  storageKey: string;
}) {
  const { getValues, reset } = useFormContext<RequestFormValues>();
  const [choice, setChoice] = useState<RequestExampleId>("prod-with-gsis");
  const [isConfirming, setConfirming] = useState(false);
  const [backupSavedAt, setBackupSavedAt] = useState<string>();
  const backupKey = exampleBackupKey(storageKey);

  useEffect(() => setBackupSavedAt(readDraft(backupKey)?.savedAt), [backupKey]);

  const replace = () => {
    const before = getValues();
    const values = fromTableRequest(loadExample(choice), blank);
    values.owner.team = teams.includes(values.owner.team) ? values.owner.team : before.owner.team;
    values.owner.requester = requesterEmail;
    const teamTag = values.tags.find((t) => t.key === "Team");
    if (teamTag) teamTag.value = values.owner.team;
    if (JSON.stringify(before) !== JSON.stringify(blank)) setBackupSavedAt(writeDraft(backupKey, before));
    reset(values, { keepDefaultValues: true });
    setConfirming(false);
  };

  const load = () => {
    // An untouched form has nothing to lose: load at once.
    if (JSON.stringify(getValues()) === JSON.stringify(blank)) replace();
    else setConfirming(true);
  };

  const restore = () => {
    const backup = readDraft(backupKey);
    if (backup) reset(mergeDraft(blank, backup.values), { keepDefaultValues: true });
    removeDraft(backupKey);
    setBackupSavedAt(undefined);
  };

  const label = REQUEST_EXAMPLES.find((e) => e.id === choice)?.label ?? choice;
  return (
    <div className={styles.exampleBar}>
      <label htmlFor="load-example" className="visually-hidden">
        Example request
      </label>
      <Select id="load-example" value={choice} onChange={(event) => setChoice(event.target.value as RequestExampleId)}>
        {REQUEST_EXAMPLES.map((example) => (
          <option key={example.id} value={example.id}>
            {example.label}
          </option>
        ))}
      </Select>
      <Button variant="secondary" onClick={load}>
        Load example
      </Button>
      {backupSavedAt && (
        <Button variant="secondary" onClick={restore} data-testid="restore-before-example">
          Restore my form
        </Button>
      )}
      <Dialog open={isConfirming} title="Replace your form with the example?" onClose={() => setConfirming(false)}>
        <p>
          &ldquo;{label}&rdquo; replaces everything in the form. What you typed is kept in this browser: &ldquo;Restore
          my form&rdquo; brings it back, also after a reload.
        </p>
        <div className={styles.reviewActions}>
          <Button onClick={replace} data-autofocus>
            Replace with the example
          </Button>
          <Button variant="secondary" onClick={() => setConfirming(false)}>
            Keep my form
          </Button>
        </div>
      </Dialog>
    </div>
  );
}
