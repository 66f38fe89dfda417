"use client";

import { useQuery } from "@tanstack/react-query";
import { BudgetRouting } from "@/components/budget/budget-routing";
import { apiFetch } from "@/lib/client/api-fetch";
import { routeApprovals } from "@/lib/domain/budget/route-approvals";
import type { TierPolicy } from "@/lib/domain/policy/schema";
import type { Tier } from "@/lib/domain/request/schema";

interface TeamBudget {
  slug: string;
  name: string;
  monthlyBudgetUsd: number | null;
  committedMonthlyUsd: number;
}

/**
 * Before submit: the team's budget, what this request adds, and whose extra approval the tier
 * policy's routing will ask for. The same pure rules run on the server when approvals are counted;
 * a new table has nothing live, so its whole cost is what it adds and its change risk is low.
 */
export function BudgetNotice({
  policy,
  team,
  tier,
  regions,
  monthlyUsd,
}: {
  policy: TierPolicy;
  team: string;
  tier: Tier;
  regions: string[];
  monthlyUsd: number;
}) {
  const valid = /^[a-z0-9][a-z0-9-]{0,62}$/.test(team);
  const { data } = useQuery({
    queryKey: ["team-budget", team],
    queryFn: () => apiFetch<TeamBudget>(`/api/v1/teams/${team}/budget`),
    enabled: valid,
    staleTime: 30_000,
    retry: false,
  });
  if (!valid || !data) return null;
  const routing = routeApprovals(policy, {
    tier,
    regions,
    monthlyUsd,
    liveMonthlyUsd: 0,
    riskLevel: "low",
    teamBudgetUsd: data.monthlyBudgetUsd,
    teamCommittedUsd: data.committedMonthlyUsd,
  });
  return <BudgetRouting routing={routing} teamName={data.name} audience="requester" />;
}
