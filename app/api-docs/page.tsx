import styles from "@/components/api-docs/api-docs.module.css";
import { ApiDocsAuth } from "@/components/api-docs/api-docs-auth";
import { anchorOf, buildApiReference, type OpenApiDocument } from "@/components/api-docs/openapi-model";
import { OperationView } from "@/components/api-docs/operation-view";
import pageStyles from "@/components/ui/page.module.css";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { TABLE_REQUEST_EXAMPLE } from "@/lib/api/routes";
import { getPageSession } from "@/lib/server/auth/page-session";

export const metadata = { title: "API reference" };

/**
 * The interactive API reference, rendered by the portal itself from the same OpenAPI document
 * that /api/v1/openapi.json serves: plain accessible markup (headings, tables, labelled fields)
 * instead of a third-party viewer, no script beyond the app's own, and "Try it" that works for
 * writes with the session (CSRF header) or with an API token typed on the page.
 */
export default async function ApiDocsPage() {
  const session = await getPageSession();
  const reference = buildApiReference(buildOpenApiDocument() as unknown as OpenApiDocument, {
    TableRequest: TABLE_REQUEST_EXAMPLE,
  });
  return (
    <>
      <h1>API reference</h1>
      <p className={pageStyles.muted}>
        Every endpoint, generated from the same schemas the server uses. Authenticate with an API token from{" "}
        <a href="/settings/tokens">API tokens</a> (Authorization: Bearer …) or try requests with your session. The raw
        document is at <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>; the table request JSON Schema at{" "}
        <a href="/api/v1/schemas/table-request">/api/v1/schemas/table-request</a>.
      </p>
      <nav aria-label="API sections">
        <ul className={styles.toc}>
          {reference.tags.map((tag) => (
            <li key={tag.name}>
              <a href={`#${anchorOf("tag", tag.name)}`}>{tag.name}</a>
            </li>
          ))}
          <li>
            <a href="#schemas">Schemas</a>
          </li>
        </ul>
      </nav>
      <ApiDocsAuth signedIn={Boolean(session)}>
        {reference.tags.map((tag) => (
          <section key={tag.name} aria-labelledby={anchorOf("tag", tag.name)}>
            <h2 id={anchorOf("tag", tag.name)} className={styles.tag}>
              {tag.name}
            </h2>
            {tag.operations.map((operation) => (
              <OperationView key={`${operation.method} ${operation.path}`} operation={operation} />
            ))}
          </section>
        ))}
      </ApiDocsAuth>
      <section aria-labelledby="schemas">
        <h2 id="schemas" className={styles.tag}>
          Schemas
        </h2>
        {reference.schemas.map((schema) => (
          <details key={schema.name} className={styles.schema} id={anchorOf("schema", schema.name)}>
            <summary>{schema.name}</summary>
            {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a long schema scrolls and must be reachable by keyboard */}
            <section tabIndex={0} aria-label={`${schema.name} JSON Schema`} className={styles.schemaBody}>
              <pre>{schema.json}</pre>
            </section>
          </details>
        ))}
      </section>
    </>
  );
}
