import {
  attr,
  block,
  call,
  comment,
  type HclNode,
  type HclValue,
  list,
  obj,
  raw,
  renderFile,
  sections,
  str,
} from "./hcl";
import type { ModuleModel } from "./model";
import { tagsAttr } from "./placement";

const READ_ACTIONS = [
  "dynamodb:BatchGetItem",
  "dynamodb:ConditionCheckItem",
  "dynamodb:DescribeTable",
  "dynamodb:GetItem",
  "dynamodb:Query",
  "dynamodb:Scan",
];
const WRITE_ACTIONS = ["dynamodb:BatchWriteItem", "dynamodb:DeleteItem", "dynamodb:PutItem", "dynamodb:UpdateItem"];
const STREAM_ACTIONS = ["dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator"];

// AWS KMS guide, "How Amazon DynamoDB uses AWS KMS": with a customer-managed key whose key policy
// delegates to IAM, the principal that reads or writes the table needs these on the key, through
// DynamoDB only (kms:ViaService). Reads decrypt; writes also generate data keys.
const KMS_READ_ACTIONS = ["kms:Decrypt", "kms:DescribeKey"];
const KMS_WRITE_ACTIONS = ["kms:Decrypt", "kms:DescribeKey", "kms:GenerateDataKey"];

function statement(sid: string, actions: readonly string[], resources: HclValue, condition?: HclValue): HclValue {
  const entries: [string, HclValue][] = [
    ["Sid", str(sid)],
    ["Effect", str("Allow")],
    ["Action", list(actions.map(str), true)],
    ["Resource", resources],
  ];
  if (condition) entries.push(["Condition", condition]);
  return obj(entries);
}

function kmsStatement(model: ModuleModel, write: boolean): HclValue | null {
  const keys = model.iam.kmsKeys;
  if (keys.length === 0) return null;
  return statement(
    "UseTableKeysThroughDynamoDB",
    write ? KMS_WRITE_ACTIONS : KMS_READ_ACTIONS,
    list(
      keys.map((k) => str(k.keyArn)),
      true,
    ),
    obj([
      [
        "StringEquals",
        obj([
          [
            "kms:ViaService",
            list(
              keys.map((k) => str(`dynamodb.${k.region}.amazonaws.com`)),
              true,
            ),
          ],
        ]),
      ],
    ]),
  );
}

function policy(model: ModuleModel, label: string, name: string, description: string, write: boolean): HclNode {
  const statements = [
    statement(
      write ? "ReadWriteItems" : "ReadItems",
      write ? [...READ_ACTIONS, ...WRITE_ACTIONS] : READ_ACTIONS,
      raw("local.table_and_index_arns"),
    ),
  ];
  if (model.iam.hasStream) statements.push(statement("ReadStream", STREAM_ACTIONS, raw("local.stream_arns")));
  if (model.iam.hasStream) statements.push(statement("ListStreams", ["dynamodb:ListStreams"], str("*")));
  const kms = kmsStatement(model, write);
  if (kms) statements.push(kms);
  return block(
    "resource",
    ["aws_iam_policy", label],
    sections(
      [
        attr("name", str(name)),
        attr("description", str(description)),
        attr(
          "policy",
          call(
            "jsonencode",
            obj([
              ["Version", str("2012-10-17")],
              ["Statement", list(statements, true)],
            ]),
          ),
        ),
      ],
      tagsAttr(model),
    ),
  );
}

/** `iam.tf`: read-write and read-only policies for the table, its indexes, its replicas and its stream. */
export function renderIamTf(model: ModuleModel): string {
  const { replicas, replicaStyle } = model.table;
  const tableArns =
    replicas.length === 0
      ? list([raw("aws_dynamodb_table.this.arn")])
      : replicaStyle === "inline"
        ? raw("concat([aws_dynamodb_table.this.arn], [for r in aws_dynamodb_table.this.replica : r.arn])")
        : list(
            [
              raw("aws_dynamodb_table.this.arn"),
              ...replicas.map((r) => raw(`aws_dynamodb_table_replica.${r.label}.arn`)),
            ],
            true,
          );
  const locals: HclNode[] = [
    attr("table_arns", tableArns),
    attr("table_and_index_arns", raw('concat(local.table_arns, [for arn in local.table_arns : "${arn}/index/*"])')),
  ];
  if (model.iam.hasStream) locals.push(attr("stream_arns", raw('[for arn in local.table_arns : "${arn}/stream/*"]')));
  const t = model.tableName;
  return renderFile([
    comment(
      [
        "Attach these to the roles of the services that use the table. Indexes are covered by",
        "`/index/*`, the stream by `/stream/*`, and every replica Region by its replica ARN.",
        ...(model.iam.kmsKeys.length > 0
          ? ["Each Region's customer-managed key may be used through DynamoDB only (kms:ViaService)."]
          : []),
      ].join("\n"),
    ),
    block("locals", [], locals),
    policy(model, "read_write", model.iam.readWriteName, `Read and write items in ${t} and its indexes.`, true),
    policy(model, "read_only", model.iam.readOnlyName, `Read items in ${t} and its indexes.`, false),
  ]);
}
