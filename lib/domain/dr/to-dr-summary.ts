import type { DrPreview } from "./types";

/** The short form other outputs show (the module README, the approval view): pattern, RPO, RTO, notes. */
export interface DrSummaryLine {
  pattern: string;
  rpo: string;
  rto: string;
  notes: string[];
}

/**
 * Condenses a preview for the Terraform module's README (`renderModule(request, { drSummary })`),
 * so the module states the same objectives the requester saw. Notes carry each Region's role.
 */
export function toDrSummary(preview: DrPreview): DrSummaryLine {
  return {
    pattern: preview.pattern,
    rpo: preview.rpo.value,
    rto: preview.rto.value,
    notes: preview.regions.map((r) => `${r.region}: ${r.role.toLowerCase().replaceAll("_", " ")}`),
  };
}
