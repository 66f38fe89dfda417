/** The live cost estimate: charts, line items with formulas, projection, comparisons. */
export { CostPanel } from "./cost-panel";
export { ProjectionChart } from "./projection-chart";
export { RegionCostChart } from "./region-cost-chart";
