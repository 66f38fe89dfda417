export * from "./delivery-target";
export * from "./pull-request-body";
export * from "./webhook-events";
