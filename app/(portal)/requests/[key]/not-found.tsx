import Link from "next/link";
import styles from "@/components/ui/page.module.css";

/** Shown for unknown keys and for other teams' requests alike, so keys leak nothing. */
export default function RequestNotFound() {
  return (
    <div className={`${styles.card} ${styles.narrow}`}>
      <h1>Change request not found</h1>
      <p>
        There is no change request with this key, or it belongs to a team you are not a member of. Check the key, or ask
        the requester to share it with your team.
      </p>
      <Link href="/">Back to your requests</Link>
    </div>
  );
}
