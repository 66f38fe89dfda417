import { CreateTableCommand, type DynamoDBClient, TagResourceCommand } from "@aws-sdk/client-dynamodb";

/**
 * A table made outside Tablewright, as the import and drift specs find it in dynalite: on-demand, a
 * `cartId` key, and the tier policy's mandatory tags, as a well-kept table has them.
 */
export async function createLegacyTable(admin: DynamoDBClient, tableName: string): Promise<void> {
  const created = await admin.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: "PAY_PER_REQUEST",
      AttributeDefinitions: [{ AttributeName: "cartId", AttributeType: "S" }],
      KeySchema: [{ AttributeName: "cartId", KeyType: "HASH" }],
    }),
  );
  await admin.send(
    new TagResourceCommand({
      ResourceArn: created.TableDescription?.TableArn,
      Tags: [
        { Key: "Team", Value: "checkout" },
        { Key: "CostCenter", Value: "CC-1042" },
        { Key: "Environment", Value: "dev" },
      ],
    }),
  );
}
