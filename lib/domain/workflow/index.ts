export * from "./state-machine";
