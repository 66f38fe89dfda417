import { formatIssuePath } from "../paths";
import type { RuleContext } from "./context";

// Table and index names share one rule in the API model ([BC] TableName, IndexName).
const NAME_CHARACTERS = /^[a-zA-Z0-9_.-]+$/;
export const NAME_MIN_LENGTH = 3;
export const NAME_MAX_LENGTH = 255;

/** Table name and index names: length, characters, uniqueness across GSIs and LSIs. */
export function checkNames({ request, report }: RuleContext): void {
  const { tableName } = request;
  if (tableName.length < NAME_MIN_LENGTH || tableName.length > NAME_MAX_LENGTH) {
    report.add(
      "TABLE_NAME_LENGTH",
      ["tableName"],
      `Table name must be ${NAME_MIN_LENGTH}-${NAME_MAX_LENGTH} characters; it has ${tableName.length}.`,
    );
  }
  if (tableName.length > 0 && !NAME_CHARACTERS.test(tableName)) {
    report.add("TABLE_NAME_CHARACTERS", ["tableName"], "Table name may only contain a-z, A-Z, 0-9, _, - and .");
  }

  const seen = new Map<string, string>();
  const checkIndexName = (name: string, path: (string | number)[]) => {
    if (name.length < NAME_MIN_LENGTH || name.length > NAME_MAX_LENGTH) {
      report.add(
        "INDEX_NAME_LENGTH",
        path,
        `Index name must be ${NAME_MIN_LENGTH}-${NAME_MAX_LENGTH} characters; it has ${name.length}.`,
      );
    }
    if (name.length > 0 && !NAME_CHARACTERS.test(name)) {
      report.add("INDEX_NAME_CHARACTERS", path, "Index name may only contain a-z, A-Z, 0-9, _, - and .");
    }
    const first = seen.get(name);
    if (first !== undefined) {
      report.add("INDEX_NAME_DUPLICATE", path, `Index name "${name}" is already used by ${first}.`);
    } else {
      seen.set(name, formatIssuePath(path.slice(0, 2)));
    }
  };
  request.globalSecondaryIndexes.forEach((gsi, i) => {
    checkIndexName(gsi.name, ["globalSecondaryIndexes", i, "name"]);
  });
  request.localSecondaryIndexes.forEach((lsi, i) => {
    checkIndexName(lsi.name, ["localSecondaryIndexes", i, "name"]);
  });
}
