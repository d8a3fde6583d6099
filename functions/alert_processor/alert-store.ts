import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  UpdateCommand,
} from "@aws-sdk/lib-dynamodb";

export interface AlertTableKey {
  RuleName: string;
  AlertID: string;
}

/** The alerts table as the processor uses it. */
export interface ProcessorAlertStore {
  /** consistent read; undefined when the alert is gone */
  get(key: AlertTableKey): Promise<Record<string, unknown> | undefined>;
  delete(key: AlertTableKey): Promise<void>;
  /** adds to OutputsSent (a set union: outputs recorded by an earlier run stay) */
  addOutputsSent(key: AlertTableKey, outputs: readonly string[]): Promise<void>;
}

export function createDynamoProcessorStore(options: {
  client: DynamoDBDocumentClient;
  table: string;
}): ProcessorAlertStore {
  const { client, table } = options;
  return {
    async get(key) {
      const response = await client.send(
        new GetCommand({ TableName: table, Key: key, ConsistentRead: true }),
      );
      return response.Item;
    },
    async delete(key) {
      await client.send(new DeleteCommand({ TableName: table, Key: key }));
    },
    async addOutputsSent(key, outputs) {
      if (outputs.length === 0) return;
      try {
        await client.send(
          new UpdateCommand({
            TableName: table,
            Key: key,
            UpdateExpression: "ADD OutputsSent :sent",
            ConditionExpression: "attribute_exists(AlertID)",
            ExpressionAttributeValues: { ":sent": new Set(outputs) },
          }),
        );
      } catch (error) {
        // deleted meanwhile (merged or finished by the merger): nothing left to record
        if ((error as { name?: string })?.name !== "ConditionalCheckFailedException") throw error;
      }
    },
  };
}
