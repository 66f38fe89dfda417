export * from "./map-claims";
export * from "./oidc-account-link";
export * from "./permissions";
export * from "./safe-return-to";
export * from "./scopes";
export * from "./sign-in-throttle";
