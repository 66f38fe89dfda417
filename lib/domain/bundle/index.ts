export { type BundleManifest, type BundleOptions, buildBundle, zipModule } from "./build-bundle";
export {
  ANNOTATION_PREFIX,
  buildCatalogEntity,
  CATALOG_INFO_FILE,
  type CatalogEntity,
  type CatalogInfoContext,
  RESOURCE_TYPE,
  renderCatalogInfo,
  toEntityName,
  withCatalogInfo,
} from "./catalog-info";
export { buildInfracostUsage, INFRACOST_USAGE_FILE, withInfracostUsage } from "./infracost-usage";
export { sha256Hex } from "./sha256";
