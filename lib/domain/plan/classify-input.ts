import type { TableRequest } from "../request/schema";
import { covers, type DefinitionLeaf, type Segments } from "./definition-diff";
import type { PlanContext } from "./schema";

/** What every classifier reads: both definitions, their differences and the context. */
export interface ClassifyInput {
  live: TableRequest;
  target: TableRequest;
  leaves: readonly DefinitionLeaf[];
  context: PlanContext;
  /** Plan-level warnings the classifiers add to. */
  warnings: string[];
  /** Warnings about unknown rate-limit windows (moot when the table is replaced). */
  rateWarnings: string[];
}

export const changedUnder = (input: ClassifyInput, prefix: Segments): DefinitionLeaf[] =>
  input.leaves.filter((leaf) => covers(prefix, leaf.segments));

export const hasChangeUnder = (input: ClassifyInput, prefix: Segments): boolean =>
  input.leaves.some((leaf) => covers(prefix, leaf.segments));

export const gsiPath = (name: string): string[] => ["globalSecondaryIndexes", name];
export const replicaPath = (region: string): string[] => ["regions", "replicas", region];
