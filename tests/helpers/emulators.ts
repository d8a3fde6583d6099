import {
  CreateStreamCommand,
  DescribeStreamCommand,
  type KinesisClient,
} from "@aws-sdk/client-kinesis";

// The emulators live in scripts/cli/run/emulators.ts, which `streamalert run` uses too.
export {
  type EmulatedService,
  type Emulators,
  startEmulators,
} from "../../scripts/cli/run/emulators";

/** Create a Kinesis stream and wait until it is ACTIVE; returns its ARN. */
export async function createActiveStream(
  client: KinesisClient,
  StreamName: string,
  ShardCount = 1,
): Promise<string> {
  await client.send(new CreateStreamCommand({ StreamName, ShardCount }));
  for (let tries = 0; tries < 100; tries++) {
    const { StreamDescription } = await client.send(new DescribeStreamCommand({ StreamName }));
    if (StreamDescription?.StreamStatus === "ACTIVE") return StreamDescription.StreamARN!;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`stream ${StreamName} did not become ACTIVE`);
}
