import styles from "./api-docs.module.css";
import { type ApiOperation, anchorOf } from "./openapi-model";
import { TryDetails } from "./try-operation";

/** One operation: what it does, its parameters, body and responses, then "Try it". */
export function OperationView({ operation }: { operation: ApiOperation }) {
  const id = anchorOf("op", operation.id);
  return (
    <section className={styles.operation} aria-labelledby={id} data-testid="api-operation">
      <h3 id={id} className={styles.operationTitle}>
        <span className={`${styles.method} ${styles[`method-${operation.method.toLowerCase()}`] ?? ""}`}>
          {operation.method}
        </span>{" "}
        <code className={styles.path}>{operation.path}</code>
      </h3>
      <p className={styles.summary}>
        {operation.summary}
        {!operation.requiresAuth && <span className={styles.hint}> · no sign-in needed</span>}
      </p>
      {operation.description && <p className={styles.description}>{operation.description}</p>}
      {operation.parameters.length > 0 && (
        // A table wider than a phone scrolls: focusable and named, so a keyboard can scroll it too.
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus (WCAG 2.1.1)
        <section className={styles.tableWrap} tabIndex={0} aria-label={`Parameters of ${operation.summary}`}>
          <table className={styles.table}>
            <caption className={styles.caption}>Parameters</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">In</th>
                <th scope="col">Type</th>
                <th scope="col">Description</th>
              </tr>
            </thead>
            <tbody>
              {operation.parameters.map((p) => (
                <tr key={`${p.in}-${p.name}`}>
                  <th scope="row">
                    <code>{p.name}</code>
                    {p.required && <span className={styles.required}> required</span>}
                  </th>
                  <td>{p.in}</td>
                  <td>{p.type}</td>
                  <td>{p.description ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      {operation.body && (
        <p className={styles.bodyNote}>
          Body: JSON
          {operation.body.schemaName && (
            <>
              {" "}
              (<a href={`#${anchorOf("schema", operation.body.schemaName)}`}>{operation.body.schemaName}</a>)
            </>
          )}
        </p>
      )}
      <details className={styles.responses}>
        <summary>Responses ({operation.responses.length})</summary>
        <dl>
          {operation.responses.map((r) => (
            <div key={r.status}>
              <dt>
                <code>{r.status}</code>
              </dt>
              <dd>
                {r.description}
                {r.schemaName && (
                  <>
                    {" "}
                    (<a href={`#${anchorOf("schema", r.schemaName)}`}>{r.schemaName}</a>)
                  </>
                )}
              </dd>
            </div>
          ))}
        </dl>
      </details>
      <TryDetails operation={operation} />
    </section>
  );
}
