import Link from "next/link";
import styles from "@/components/ui/page.module.css";

export const metadata = { title: "Not found" };

/** Any address the portal does not have: say so in the portal's own frame, with a way back. */
export default function NotFound() {
  return (
    <div className={`${styles.card} ${styles.narrow}`}>
      <h1>Page not found</h1>
      <p>There is no page at this address. It may have moved, or the link may be mistyped.</p>
      <Link href="/">Back to your requests</Link>
    </div>
  );
}
