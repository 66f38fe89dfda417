import packageJson from "../package.json";

/** The portal's version, from package.json (shown in the health check and the page footer). */
export const APP_VERSION: string = packageJson.version;
