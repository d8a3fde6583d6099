// Local AWS emulators for `streamalert run` and the tests, each on 127.0.0.1 with a random port:
// kinesalite (Kinesis), dynalite (DynamoDB), s3rver (S3, files in a temp dir) and local-aws-sqs.
// The SDK clients come from functions/shared/aws/client-config.ts, the same settings the
// functions use, so the runner and the tests exercise the real client code paths. Each emulator
// package is loaded only when its service is asked for (the runner needs no Kinesis).
import { mkdtemp, rm } from "node:fs/promises";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { KinesisClient } from "@aws-sdk/client-kinesis";
import { S3Client } from "@aws-sdk/client-s3";
import { SQSClient } from "@aws-sdk/client-sqs";
import {
  type AwsClientOptions,
  awsClientConfig,
} from "../../../functions/shared/aws/client-config";

export type EmulatedService = "kinesis" | "dynamodb" | "s3" | "sqs";

export interface Emulators {
  endpoints: Partial<Record<EmulatedService, string>>;
  /** pass to awsClientConfig / createClassifierHandler to reach the emulators */
  clientOptions: AwsClientOptions;
  kinesis: KinesisClient;
  dynamodb: DynamoDBClient;
  s3: S3Client;
  sqs: SQSClient;
  /** closes the clients and every emulator started; call it in a finally (or afterAll) */
  stop(): Promise<void>;
}

const HOST = "127.0.0.1";

export async function startEmulators(
  services: EmulatedService[] = ["kinesis", "dynamodb", "s3", "sqs"],
): Promise<Emulators> {
  const stops: Array<() => Promise<void>> = [];
  const endpoints: Partial<Record<EmulatedService, string>> = {};
  try {
    for (const service of services) {
      const started = await STARTERS[service]();
      stops.push(started.stop);
      endpoints[service] = started.endpoint;
    }
  } catch (error) {
    await Promise.allSettled(stops.map((stop) => stop()));
    throw new Error(
      `could not start the local ${services.join(", ")} emulators: ${messageOf(error)}`,
    );
  }
  const clientOptions: AwsClientOptions = { region: "us-east-1", endpoints };
  const clients = {
    kinesis: new KinesisClient(awsClientConfig("kinesis", clientOptions)),
    dynamodb: new DynamoDBClient(awsClientConfig("dynamodb", clientOptions)),
    s3: new S3Client(awsClientConfig("s3", clientOptions)),
    sqs: new SQSClient(awsClientConfig("sqs", clientOptions)),
  };
  return {
    endpoints,
    clientOptions,
    ...clients,
    async stop() {
      for (const client of Object.values(clients)) client.destroy();
      await Promise.allSettled(stops.map((stop) => stop()));
    },
  };
}

interface StartedEmulator {
  endpoint: string;
  stop(): Promise<void>;
}

const STARTERS: Record<EmulatedService, () => Promise<StartedEmulator>> = {
  kinesis: async () => {
    const { default: kinesalite } = await import("kinesalite");
    return listen(
      kinesalite({ createStreamMs: 0, deleteStreamMs: 0, updateStreamMs: 0, shardLimit: 100 }),
    );
  },
  dynamodb: async () => {
    const { default: dynalite } = await import("dynalite");
    return listen(dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 }));
  },
  sqs: async () => {
    const { createSqsServer } = await import("local-aws-sqs");
    const server = await createSqsServer({
      port: 0,
      hostname: HOST,
      emulateQueueCreationLifecycle: false,
      emulateLazyQueues: false,
    });
    return { endpoint: endpointOf(server), stop: () => close(server) };
  },
  s3: async () => {
    const { default: S3rver } = await import("s3rver");
    const directory = await mkdtemp(join(tmpdir(), "s3rver-"));
    const server = new S3rver({ address: HOST, port: 0, silent: true, directory });
    try {
      const address = await server.run();
      return {
        endpoint: `http://${HOST}:${address.port}`,
        stop: async () => {
          await server.close();
          await rm(directory, { recursive: true, force: true });
        },
      };
    } catch (error) {
      await rm(directory, { recursive: true, force: true });
      throw error;
    }
  },
};

function listen(server: Server): Promise<StartedEmulator> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, HOST, () =>
      resolve({ endpoint: endpointOf(server), stop: () => close(server) }),
    );
  });
}

function endpointOf(server: Server): string {
  return `http://${HOST}:${(server.address() as AddressInfo).port}`;
}

function close(server: Server): Promise<void> {
  server.closeAllConnections?.();
  return new Promise((resolve) => server.close(() => resolve()));
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
