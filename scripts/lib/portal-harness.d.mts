// Types for portal-harness.mjs, so the TypeScript resilience suite can use it under strict mode.
export const PERF_DIST_DIR: string;
export const LOG_DIR: string;
export function stopEverything(): void;
export function buildPortal(): void;
export function freePort(): Promise<number>;
export interface Database {
  url: string;
  port: number;
  dir: string;
  start(): void;
  stop(): void;
  destroy(): void;
}
export function startDatabase(options?: { seed?: boolean }): Promise<Database>;
export function pgCtlAsync(database: Database, action: "stop" | "start"): Promise<void>;
export function withPg<T>(url: string, fn: (client: import("pg").Client) => Promise<T>): Promise<T>;
export function createTokens(
  url: string,
  wanted: Record<string, { email: string; scopes: string }>,
): Promise<Record<string, string>>;
export function waitForHttp(url: string, options?: { timeoutMs?: number; statuses?: number[] }): Promise<number>;
export interface Portal {
  baseUrl: string;
  port: number;
  pid: number | undefined;
  logFile: string;
  tail(): string;
  stop(graceMs?: number): Promise<void>;
}
export function startPortal(options: {
  databaseUrl: string;
  port?: number;
  env?: Record<string, string>;
  label?: string;
  nodeArgs?: string[];
}): Promise<Portal>;
// biome-ignore lint/suspicious/noExplicitAny: examples are free-form JSON
export function exampleRequest(name: string): any;
// biome-ignore lint/suspicious/noExplicitAny: examples are free-form JSON
export function checkoutRequest(base?: string, tableName?: string): any;
