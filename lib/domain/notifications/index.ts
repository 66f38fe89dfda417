/** Notifications: the event catalogue, the payload, who gets e-mail, how channels render, retries. */
export * from "./audience";
export * from "./events";
export * from "./outbound-allowlist";
export * from "./payload";
export * from "./preferences";
export * from "./render-email";
export * from "./render-slack";
export * from "./retry-schedule";
export * from "./webhook-url";
export * from "./workflow-events";
