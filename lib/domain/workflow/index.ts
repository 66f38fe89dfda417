export * from "./acknowledgement";
export * from "./approval-rules";
export * from "./state-machine";
