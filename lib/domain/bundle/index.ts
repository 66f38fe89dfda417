export { type BundleManifest, type BundleOptions, buildBundle, zipModule } from "./build-bundle";
export { sha256Hex } from "./sha256";
