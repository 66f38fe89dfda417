import { headers } from "next/headers";
import Script from "next/script";
import styles from "@/components/ui/page.module.css";

export const metadata = { title: "API reference" };

/**
 * The interactive API reference: Swagger UI (the long-standing reference viewer for OpenAPI) over
 * /api/v1/openapi.json, its assets served from the installed package and run with the CSP nonce.
 */
export default async function ApiDocsPage() {
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    <>
      <h1>API reference</h1>
      <p className={styles.muted}>
        Every endpoint, generated from the same schemas the server uses. Authenticate with an API token from{" "}
        <a href="/settings/tokens">API tokens</a> (Authorization: Bearer …) or try requests with your session. The raw
        document is at <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>; the table request JSON Schema at{" "}
        <a href="/api/v1/schemas/table-request">/api/v1/schemas/table-request</a>.
      </p>
      <link rel="stylesheet" href="/api-docs/assets/swagger-ui.css" />
      <div id="swagger-ui" className={styles.card} data-testid="swagger-ui" />
      <Script src="/api-docs/assets/swagger-ui-bundle.js" nonce={nonce} strategy="afterInteractive" />
      <Script id="swagger-init" nonce={nonce} strategy="afterInteractive">
        {`(function start(){ if (!window.SwaggerUIBundle) return setTimeout(start, 50);
          window.SwaggerUIBundle({ url: "/api/v1/openapi.json", dom_id: "#swagger-ui", deepLinking: true, tryItOutEnabled: false }); })();`}
      </Script>
    </>
  );
}
