"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useId } from "react";
import { Button } from "@/components/ui/button";
import controls from "@/components/ui/controls.module.css";
import styles from "@/components/ui/page.module.css";
import { apiFetch } from "@/lib/client/api-fetch";
import { useCsrfToken } from "@/lib/client/csrf";
import { describeActionError } from "./use-change-request-action";
import { useReasonDraft } from "./use-reason-draft";

/** Adds a comment on the current revision; the draft survives a reload until it is posted. */
export function CommentForm({ changeRequestKey }: { changeRequestKey: string }) {
  const id = useId();
  const csrfToken = useCsrfToken();
  const router = useRouter();
  const [body, setBody] = useReasonDraft(`tablewright:${changeRequestKey}:comment`);
  const post = useMutation({
    mutationFn: (text: string) =>
      apiFetch(`/api/v1/change-requests/${encodeURIComponent(changeRequestKey)}/comments`, {
        method: "POST",
        csrfToken,
        json: { body: text },
      }),
    onSuccess: () => {
      setBody("");
      router.refresh();
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (body.trim()) post.mutate(body);
  }

  return (
    <form onSubmit={submit}>
      <div className={styles.field}>
        <label htmlFor={`${id}-body`}>Add a comment</label>
        <textarea
          id={`${id}-body`}
          className={controls.textarea}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          maxLength={5000}
          rows={3}
        />
      </div>
      {post.error && (
        <p role="alert" className={styles.error}>
          {describeActionError(post.error)}
        </p>
      )}
      {post.isSuccess && !body && (
        <p role="status" className="visually-hidden">
          Comment added.
        </p>
      )}
      <Button type="submit" variant="secondary" disabled={post.isPending || !body.trim()}>
        {post.isPending ? "Posting…" : "Post comment"}
      </Button>
    </form>
  );
}
