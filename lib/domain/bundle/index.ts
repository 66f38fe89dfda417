export { type BundleManifest, type BundleOptions, buildBundle, zipModule } from "./build-bundle";
export { buildInfracostUsage, INFRACOST_USAGE_FILE, withInfracostUsage } from "./infracost-usage";
export { sha256Hex } from "./sha256";
