import type { TierPolicy } from "../../policy/schema";
import type { TableRequest } from "../../request/schema";
import type { IssueReport } from "../report";

/** What every rule module receives: the parsed request, the policy and the report to add to. */
export interface RuleContext {
  request: TableRequest;
  policy: TierPolicy;
  report: IssueReport;
  /** Multi-Region eventual consistency: replicas and consistency EVENTUAL. */
  isMrec: boolean;
  /** Multi-Region strong consistency was asked for. */
  isMrsc: boolean;
}

/** A rule module: reads the context, adds issues, returns nothing. */
export type Rule = (context: RuleContext) => void;
