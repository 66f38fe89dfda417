import { formatDateTime, isoOf } from "@/components/ui/format-date";
import type { ChangeRequestDetail } from "@/lib/api/schemas/change-requests";
import { CommentForm } from "./comment-form";
import styles from "./request-detail.module.css";

/** The discussion on the request, each comment tagged with the revision it was written about. */
export function Comments({
  changeRequestKey,
  comments,
  canComment,
}: {
  changeRequestKey: string;
  comments: ChangeRequestDetail["comments"];
  canComment: boolean;
}) {
  return (
    <div data-testid="comments">
      {comments.length === 0 ? (
        <p className={styles.muted}>No comments yet.</p>
      ) : (
        <ul className={styles.comments}>
          {comments.map((c) => (
            <li key={c.id} className={styles.comment}>
              <p className={styles.commentMeta}>
                <strong>{c.author.name}</strong> on revision {c.revisionNumber} ·{" "}
                <time dateTime={isoOf(c.createdAt)}>{formatDateTime(c.createdAt)}</time>
              </p>
              <p className={styles.commentBody}>{c.body}</p>
            </li>
          ))}
        </ul>
      )}
      {canComment && <CommentForm changeRequestKey={changeRequestKey} />}
    </div>
  );
}
