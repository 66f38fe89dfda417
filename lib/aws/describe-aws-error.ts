const CREDENTIAL_ERRORS = new Set([
  "CredentialsProviderError",
  "UnrecognizedClientException",
  "InvalidSignatureException",
  "ExpiredTokenException",
  "MissingAuthenticationTokenException",
]);
const NETWORK_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ENOTFOUND", "EAI_AGAIN", "ETIMEDOUT", "EHOSTUNREACH"]);

/**
 * A one-line cause for a failed live-check call, for people: what failed and what to do,
 * without stack traces or request ids. Never throws.
 */
export function describeAwsError(error: unknown): string {
  const e = (error ?? {}) as {
    name?: string;
    code?: string;
    message?: string;
    $metadata?: { httpStatusCode?: number };
  };
  const name = e.name ?? "Error";
  const message = (e.message ?? String(error)).split("\n")[0]?.slice(0, 300) ?? "";
  if (name === "AssumeRoleError") return message;
  if (name === "TimeoutError" || name === "AbortError" || e.code === "ETIMEDOUT") {
    return `no answer in time (${message || name})`;
  }
  if (e.code && NETWORK_CODES.has(e.code)) return `cannot reach the endpoint (${e.code})`;
  if (CREDENTIAL_ERRORS.has(name)) return `credentials were refused or not found (${name}: ${message})`;
  if (name === "AccessDeniedException") {
    return `access denied; the live checks need dynamodb:DescribeTable, DescribeContinuousBackups, DescribeTimeToLive and ListTagsOfResource (${message})`;
  }
  if (name === "UnknownOperationException") return `the endpoint does not implement this call (${name})`;
  return `${name}: ${message}`;
}
