import Link from "next/link";
import styles from "@/components/ui/page.module.css";

export const metadata = { title: "Not allowed" };

/** Where pages send people who are signed in but lack the permission (never the content itself). */
export default async function ForbiddenPage({ searchParams }: { searchParams: Promise<{ need?: string }> }) {
  const { need } = await searchParams;
  return (
    <div className={`${styles.card} ${styles.narrow}`}>
      <h1>Not allowed</h1>
      <p>
        Your role does not allow this page{need ? ` (it needs the ${need} permission)` : ""}. Ask the platform team if
        you think it should.
      </p>
      <Link href="/">Back to your requests</Link>
    </div>
  );
}
