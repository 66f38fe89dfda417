export declare const DEFAULT_SQLITE_URL: string;
export interface DatabaseConfig {
  kind: "sqlite" | "postgresql";
  url: string;
  sqliteFile?: string;
}
export declare function resolveDatabaseConfig(url?: string): DatabaseConfig;
export declare function prismaPathsFor(kind: DatabaseConfig["kind"]): { schema: string; migrations: string };
