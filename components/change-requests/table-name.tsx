import styles from "./table-name.module.css";

/**
 * A DynamoDB table name as one unbroken token: names like `orders-prod-eu` must not wrap at their
 * hyphens (it reads as two names). A name too long for its column is cut with an ellipsis and
 * shown whole in its tooltip and to screen readers.
 */
export function TableName({ name }: { name: string }) {
  return (
    <code className={styles.tableName} title={name} data-testid="table-name">
      {name}
    </code>
  );
}
