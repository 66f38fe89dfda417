/**
 * Who may call what: one row per API route, one expected status per subject. A unit test fails
 * when a route exists without a row here, so no endpoint can ship unchecked.
 *
 * Subjects: anonymous; a developer of the owning team (Dana, checkout) and of another team (Omar);
 * a platform approver (Pat); an admin (Ada); API tokens with a single scope (read and write tokens
 * belong to Dana, the decide token to Pat, so each token is checked against its owner's role too).
 * The resource under test is a fresh change request of Dana's team in the state the row names
 * ("table": the managed table an approved create request of Dana's team added).
 */
export const SUBJECTS = [
  "anonymous",
  "devOwnTeam",
  "devOtherTeam",
  "approver",
  "admin",
  "tokenRead",
  "tokenWrite",
  "tokenDecide",
] as const;
export type Subject = (typeof SUBJECTS)[number];

export type Fixture =
  | "none"
  | "draft"
  | "submitted"
  | "approved"
  | "token"
  | "table"
  | "team"
  | "account-target"
  | "webhook"
  | "delivery";

export interface MatrixRow {
  method: "GET" | "POST" | "DELETE";
  path: string;
  fixture: Fixture;
  expect: Record<Subject, number>;
}

const row = (method: MatrixRow["method"], path: string, fixture: Fixture, statuses: number[]): MatrixRow => ({
  method,
  path,
  fixture,
  expect: Object.fromEntries(SUBJECTS.map((s, i) => [s, statuses[i] as number])) as Record<Subject, number>,
});

// Column order:                                      anon devOwn devOther approver admin tRead tWrite tDecide
// biome-ignore format: the rows read as a table, one column per subject
export const MATRIX: MatrixRow[] = [
  row("POST", "/api/v1/validate", "none", [401, 200, 200, 200, 200, 200, 200, 200]),
  row("POST", "/api/v1/estimate", "none", [401, 200, 200, 200, 200, 200, 200, 200]),
  row("POST", "/api/v1/render", "none", [401, 200, 200, 200, 200, 200, 200, 200]),
  row("POST", "/api/v1/dr-preview", "none", [401, 200, 200, 200, 200, 200, 200, 200]),
  row("POST", "/api/v1/change-requests", "none", [401, 201, 403, 403, 201, 403, 201, 403]),
  row("GET", "/api/v1/change-requests", "none", [401, 200, 200, 200, 200, 200, 200, 200]),
  row("GET", "/api/v1/change-requests/{key}", "draft", [401, 200, 404, 200, 200, 200, 200, 200]),
  row("POST", "/api/v1/change-requests/{key}/revisions", "submitted", [401, 201, 404, 403, 201, 403, 201, 403]),
  row("POST", "/api/v1/change-requests/{key}/submit", "draft", [401, 200, 404, 403, 200, 403, 200, 403]),
  row("POST", "/api/v1/change-requests/{key}/approve", "submitted", [401, 403, 403, 200, 200, 403, 403, 200]),
  row("POST", "/api/v1/change-requests/{key}/reject", "submitted", [401, 403, 403, 200, 200, 403, 403, 200]),
  row("POST", "/api/v1/change-requests/{key}/request-changes", "submitted", [401, 403, 403, 200, 200, 403, 403, 200]),
  row("POST", "/api/v1/change-requests/{key}/withdraw", "draft", [401, 200, 404, 403, 200, 403, 200, 403]),
  row("POST", "/api/v1/change-requests/{key}/comments", "draft", [401, 201, 404, 201, 201, 403, 201, 201]),
  row("GET", "/api/v1/change-requests/{key}/revisions/{revision}/bundle", "approved", [401, 200, 404, 200, 200, 200, 200, 200]),
  row("GET", "/api/v1/change-requests/{key}/revisions/{revision}/diff/{to}", "draft", [401, 200, 404, 200, 200, 200, 200, 200]),
  row("GET", "/api/v1/change-requests/{key}/audit", "draft", [401, 200, 404, 200, 200, 200, 200, 200]),
  row("POST", "/api/v1/change-requests/{key}/verify", "approved", [401, 200, 404, 200, 200, 403, 200, 403]),
  row("POST", "/api/v1/imports", "none", [401, 409, 409, 409, 409, 403, 409, 403]),
  row("GET", "/api/v1/tables", "none", [401, 200, 200, 200, 200, 200, 200, 200]),
  row("GET", "/api/v1/tables/{id}", "table", [401, 200, 404, 200, 200, 200, 200, 200]),
  row("GET", "/api/v1/live-checks", "none", [401, 200, 200, 200, 200, 200, 200, 200]),
  row("GET", "/api/v1/teams/{slug}/budget", "team", [401, 200, 404, 200, 200, 200, 200, 200]),
  row("POST", "/api/v1/teams/{slug}/budget", "team", [401, 403, 403, 403, 200, 403, 403, 403]),
  row("GET", "/api/v1/tokens", "none", [401, 200, 200, 200, 200, 403, 403, 403]),
  row("POST", "/api/v1/tokens", "none", [401, 201, 201, 201, 201, 403, 403, 403]),
  row("DELETE", "/api/v1/tokens/{id}", "token", [401, 200, 404, 404, 200, 403, 403, 403]),
  row("GET", "/api/v1/webhooks", "none", [401, 200, 200, 200, 200, 200, 200, 200]),
  row("POST", "/api/v1/webhooks", "none", [401, 201, 403, 403, 201, 403, 201, 403]),
  row("DELETE", "/api/v1/webhooks/{id}", "webhook", [401, 200, 404, 404, 200, 403, 200, 403]),
  row("GET", "/api/v1/webhooks/{id}/deliveries", "webhook", [401, 200, 404, 404, 200, 200, 200, 404]),
  row("POST", "/api/v1/webhooks/{id}/deliveries/{delivery}/resend", "delivery", [401, 202, 404, 404, 202, 403, 202, 403]),
  row("GET", "/api/v1/notification-preferences", "none", [401, 200, 200, 200, 200, 200, 200, 200]),
  row("POST", "/api/v1/notification-preferences", "none", [401, 200, 200, 200, 200, 403, 200, 403]),
  row("GET", "/api/v1/account-targets", "none", [401, 200, 200, 200, 200, 200, 200, 200]),
  row("POST", "/api/v1/account-targets", "none", [401, 403, 403, 403, 200, 403, 403, 403]),
  row("DELETE", "/api/v1/account-targets/{id}", "account-target", [401, 403, 403, 403, 200, 403, 403, 403]),
  row("GET", "/api/v1/openapi.json", "none", [200, 200, 200, 200, 200, 200, 200, 200]),
  row("GET", "/api/v1/schemas/table-request", "none", [200, 200, 200, 200, 200, 200, 200, 200]),
];

/** Pages: where each subject lands (status after following redirects, and the final path). */
export const PAGE_MATRIX: { path: string; expect: Record<"anonymous" | "developer" | "approver", string> }[] = [
  { path: "/", expect: { anonymous: "/sign-in", developer: "/", approver: "/" } },
  { path: "/queue", expect: { anonymous: "/sign-in", developer: "/forbidden", approver: "/queue" } },
  { path: "/tables", expect: { anonymous: "/sign-in", developer: "/tables", approver: "/tables" } },
  { path: "/requests/new", expect: { anonymous: "/sign-in", developer: "/requests/new", approver: "/requests/new" } },
  {
    path: "/settings/tokens",
    expect: { anonymous: "/sign-in", developer: "/settings/tokens", approver: "/settings/tokens" },
  },
  {
    path: "/settings/notifications",
    expect: { anonymous: "/sign-in", developer: "/settings/notifications", approver: "/settings/notifications" },
  },
  {
    path: "/teams/checkout/notifications",
    expect: { anonymous: "/sign-in", developer: "/teams/checkout/notifications", approver: "/forbidden" },
  },
];
