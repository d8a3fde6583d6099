// A local stand-in for the Firehose API (there is no Firehose emulator): an HTTP server on
// 127.0.0.1 that answers PutRecordBatch and PutRecord the way Firehose does (JSON 1.1) and keeps what
// it was sent. Anything else gets the error Firehose would return, so a client that builds the
// wrong request fails instead of being answered.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

const PUT_RECORD_BATCH = "Firehose_20150804.PutRecordBatch";
const PUT_RECORD = "Firehose_20150804.PutRecord";
const JSON_1_1 = "application/x-amz-json-1.1";

export interface ReceivedFirehoseBatch {
  deliveryStreamName: string;
  /** each record's data, base64-decoded */
  records: string[];
}

export interface FirehoseStandIn {
  /** for AWS_ENDPOINT_URL_FIREHOSE */
  endpoint: string;
  batches: ReceivedFirehoseBatch[];
  /** requests that were not a well-formed PutRecordBatch, with why */
  rejected: string[];
  close(): Promise<void>;
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": JSON_1_1, "x-amzn-requestid": "firehose-stand-in" });
  res.end(JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

type RequestBody = { DeliveryStreamName?: unknown; Records?: unknown; Record?: unknown };

/** The request body, or why it is not a JSON object. */
function parseBody(text: string): RequestBody | string {
  try {
    const body: unknown = JSON.parse(text);
    if (typeof body === "object" && body !== null) return body as RequestBody;
  } catch {
    // reported below
  }
  return `body is not a JSON object: ${text.slice(0, 100)}`;
}

/** The records of a request body as a batch, or why they are not one. */
function toBatch(body: RequestBody, records: unknown): ReceivedFirehoseBatch | string {
  if (typeof body.DeliveryStreamName !== "string") return "DeliveryStreamName is missing";
  if (!Array.isArray(records) || records.length === 0) return "Records is empty";
  const data: string[] = [];
  for (const record of records as Array<{ Data?: unknown }>) {
    if (typeof record?.Data !== "string") return "a record has no base64 Data";
    data.push(Buffer.from(record.Data, "base64").toString("utf8"));
  }
  return { deliveryStreamName: body.DeliveryStreamName, records: data };
}

/** The two calls Firehose clients make: a batch, or one record (kept as a batch of one). */
const OPERATIONS: Record<
  string,
  {
    /** the records the body carries (a PutRecord's one record is kept as a batch of one) */
    records: (body: RequestBody) => unknown;
    answer: (batch: ReceivedFirehoseBatch) => unknown;
  }
> = {
  [PUT_RECORD_BATCH]: {
    records: (body) => body.Records,
    answer: (batch) => ({
      FailedPutCount: 0,
      Encrypted: false,
      RequestResponses: batch.records.map((_, index) => ({ RecordId: `record-${index}` })),
    }),
  },
  [PUT_RECORD]: {
    records: (body) => (body.Record === undefined ? undefined : [body.Record]),
    answer: () => ({ RecordId: "record-0", Encrypted: false }),
  },
};

export async function startFirehoseStandIn(): Promise<FirehoseStandIn> {
  const batches: ReceivedFirehoseBatch[] = [];
  const rejected: string[] = [];
  const server = createServer(async (req, res) => {
    const target = req.headers["x-amz-target"];
    const contentType = req.headers["content-type"];
    const text = await readBody(req);
    const operation =
      typeof target === "string" && Object.hasOwn(OPERATIONS, target)
        ? OPERATIONS[target]
        : undefined;
    if (!operation || contentType !== JSON_1_1) {
      rejected.push(`target ${String(target)}, content type ${String(contentType)}`);
      reply(res, 400, { __type: "UnknownOperationException", message: String(target) });
      return;
    }
    const body = parseBody(text);
    const batch = typeof body === "string" ? body : toBatch(body, operation.records(body));
    if (typeof batch === "string") {
      rejected.push(batch);
      reply(res, 400, { __type: "InvalidArgumentException", message: batch });
      return;
    }
    batches.push(batch);
    reply(res, 200, operation.answer(batch));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    batches,
    rejected,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
