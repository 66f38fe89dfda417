export * from "./map-claims";
export * from "./permissions";
export * from "./scopes";
