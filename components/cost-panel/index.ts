/** The live cost estimate: chart, line items with formulas, comparisons. */
export { CostPanel } from "./cost-panel";
export { RegionCostChart } from "./region-cost-chart";
