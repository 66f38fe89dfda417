"use client";

import { useState } from "react";
import { useFormContext } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/form-controls";

import { loadExample, REQUEST_EXAMPLES, type RequestExampleId } from "./examples";
import { fromTableRequest } from "./form-defaults";
import type { RequestFormValues } from "./form-schema";
import styles from "./request-form.module.css";

/**
 * Fills the form from an example. The examples belong to other teams, so the owner becomes the
 * person's own team and email. What was in the form can be brought back with Undo.
 */
export function LoadExample({
  blank,
  teams,
  requesterEmail,
}: {
  blank: RequestFormValues;
  teams: string[];
  requesterEmail: string;
}) {
  const { getValues, reset } = useFormContext<RequestFormValues>();
  const [choice, setChoice] = useState<RequestExampleId>("prod-with-gsis");
  const [previous, setPrevious] = useState<RequestFormValues>();
  const load = () => {
    const before = getValues();
    const values = fromTableRequest(loadExample(choice), blank);
    values.owner.team = teams.includes(values.owner.team) ? values.owner.team : before.owner.team;
    values.owner.requester = requesterEmail;
    const teamTag = values.tags.find((t) => t.key === "Team");
    if (teamTag) teamTag.value = values.owner.team;
    setPrevious(structuredClone(before));
    reset(values, { keepDefaultValues: true });
  };
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
      {previous && (
        <Button
          variant="secondary"
          onClick={() => {
            reset(previous, { keepDefaultValues: true });
            setPrevious(undefined);
          }}
        >
          Undo
        </Button>
      )}
    </div>
  );
}
