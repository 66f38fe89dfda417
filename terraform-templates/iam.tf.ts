import type { ModuleModel } from "../lib/domain/terraform/model";
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

function statement(sid: string, actions: readonly string[], resources: HclValue): HclValue {
  return obj([
    ["Sid", str(sid)],
    ["Effect", str("Allow")],
    ["Action", list(actions.map(str), true)],
    ["Resource", resources],
  ]);
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
  const tags = model.table.tags;
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
      tags.length > 0 ? attr("tags", obj(tags.map(([k, v]) => [k, str(v)] as const))) : null,
    ),
  );
}

/** `iam.tf`: read-write and read-only policies for the table, its indexes, its replicas and its stream. */
export function renderIamTf(model: ModuleModel): string {
  const tableArns = model.iam.hasReplicas
    ? raw("concat([aws_dynamodb_table.this.arn], [for r in aws_dynamodb_table.this.replica : r.arn])")
    : list([raw("aws_dynamodb_table.this.arn")]);
  const locals: HclNode[] = [
    attr("table_arns", tableArns),
    attr("table_and_index_arns", raw('concat(local.table_arns, [for arn in local.table_arns : "${arn}/index/*"])')),
  ];
  if (model.iam.hasStream) locals.push(attr("stream_arns", raw('[for arn in local.table_arns : "${arn}/stream/*"]')));
  const t = model.tableName;
  return renderFile([
    comment(
      "Attach these to the roles of the services that use the table. Indexes are covered by\n`/index/*`, the stream by `/stream/*`, and every replica Region by its replica ARN.",
    ),
    block("locals", [], locals),
    policy(model, "read_write", model.iam.readWriteName, `Read and write items in ${t} and its indexes.`, true),
    policy(model, "read_only", model.iam.readOnlyName, `Read items in ${t} and its indexes.`, false),
  ]);
}
