import Link from "next/link";
import { buttonClassName } from "@/components/ui/button";
import type { Tier } from "@/lib/domain/request/schema";

const NEXT_TIER: Partial<Record<string, Tier>> = { dev: "staging", staging: "prod" };

/** The new-request URL that opens the form filled from `key`'s current revision (optionally at another tier). */
export function cloneHref(key: string, tier?: Tier): string {
  const query = new URLSearchParams({ from: key, ...(tier ? { tier } : {}) });
  return `/requests/new?${query.toString()}`;
}

/** "Request another like this" and "Promote to <next tier>" for a request the viewer may copy. */
export function CloneLinks({ changeRequestKey, tier }: { changeRequestKey: string; tier: string }) {
  const next = NEXT_TIER[tier];
  return (
    <nav aria-label="Start a new request from this one" style={{ display: "flex", gap: "0.5rem", flexWrap: "wrap" }}>
      <Link href={cloneHref(changeRequestKey)} className={buttonClassName({ variant: "secondary", size: "small" })}>
        Request another like this
      </Link>
      {next && (
        <Link
          href={cloneHref(changeRequestKey, next)}
          className={buttonClassName({ variant: "secondary", size: "small" })}
        >
          Promote to {next}
        </Link>
      )}
    </nav>
  );
}
