/** The REST API's wire schemas, by resource. Import the resource module where you can. */
export * from "./account-targets";
export * from "./budgets";
export * from "./change-requests";
export * from "./common";
export * from "./engine";
export * from "./live-checks";
export * from "./notifications";
export * from "./tables";
export * from "./tokens";
