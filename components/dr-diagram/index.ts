/** The DR preview's visuals: the Region diagram, the per-Region cards, and both together. */
export { DrDiagram, type DrDiagramProps } from "./dr-diagram";
export { DrPreviewView, type DrPreviewViewProps } from "./dr-preview-view";
export { DrRegionCards, type DrRegionCardsProps } from "./dr-region-cards";
