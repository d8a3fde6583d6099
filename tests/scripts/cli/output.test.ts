import { spawn } from "node:child_process";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { resolve } from "node:path";
import {
  GetParameterCommand,
  ParameterNotFound,
  PutParameterCommand,
  SSMClient,
} from "@aws-sdk/client-ssm";
import { mockClient } from "aws-sdk-client-mock";
import { runCli, type TempConf, tempConf } from "./run-cli";

const ssm = mockClient(SSMClient);
let conf: TempConf;
beforeEach(() => {
  conf = tempConf();
  ssm.reset();
  ssm.on(PutParameterCommand).resolves({ Version: 1 });
});
afterEach(() => conf.remove());

const TOKEN = "demisto-api-token-0123456789";

test("set of an AWS output maps the descriptor to its resource and stores nothing", async () => {
  const before = conf.read("outputs.json");
  const run = await runCli([
    "output",
    "set",
    "aws-s3",
    "--descriptor",
    "raw",
    "--resource",
    "acme-raw-alerts",
    "-c",
    conf.conf,
  ]);
  expect(run.exitCode).toBe(0);
  expect(conf.read("outputs.json")).toBe(
    before.replace(
      '"security-archive": "acme-security-alerts-archive"\n',
      '"security-archive": "acme-security-alerts-archive",\n    "raw": "acme-raw-alerts"\n',
    ),
  );
  expect(ssm.calls()).toHaveLength(0);
});

test("set of a secret-bearing output lists the descriptor and stores the credentials as SecureString", async () => {
  const run = await runCli([
    "output",
    "set",
    "demisto",
    "--descriptor",
    "soar",
    "--url",
    "https://soar.example.com",
    "--token",
    TOKEN,
    "-c",
    conf.conf,
  ]);
  expect(run.exitCode).toBe(0);
  expect(conf.json("outputs.json").demisto).toEqual(["soar"]);
  const puts = ssm.commandCalls(PutParameterCommand);
  expect(puts).toHaveLength(1);
  const input = puts[0].args[0].input;
  expect(input).toMatchObject({
    Name: "/acme/streamalert/outputs/demisto/soar",
    Type: "SecureString",
    KeyId: "alias/acme_streamalert_secrets",
    Overwrite: false,
  });
  expect(JSON.parse(String(input.Value))).toEqual({
    url: "https://soar.example.com",
    token: TOKEN,
  });
  expect(run.stdout + run.stderr).not.toContain(TOKEN);
  expect(run.stdout).toContain(
    "stored the demisto credentials in SSM parameter /acme/streamalert/outputs/demisto/soar",
  );
});

test("an existing descriptor needs --update, which overwrites the parameter", async () => {
  const args = [
    "output",
    "set",
    "demisto",
    "--descriptor",
    "soar",
    "--from-stdin",
    "-c",
    conf.conf,
  ];
  const stdin = JSON.stringify({
    url: "https://soar.example.com",
    token: TOKEN,
    verify_ssl: "false",
  });
  expect((await runCli(args, stdin)).exitCode).toBe(0);
  const again = await runCli(args, stdin);
  expect(again.exitCode).toBe(1);
  expect(again.stderr).toContain(
    `demisto:soar already exists in ${conf.conf}/outputs.json; pass --update`,
  );
  const updated = await runCli([...args, "--update"], stdin);
  expect(updated.exitCode).toBe(0);
  expect(updated.stderr).toContain(
    "note: verify_ssl is not a key demisto requires (url, token); stored as well",
  );
  const puts = ssm.commandCalls(PutParameterCommand);
  expect(puts).toHaveLength(2);
  expect(puts[1].args[0].input.Overwrite).toBe(true);
  expect(conf.json("outputs.json").demisto).toEqual(["soar"]);
});

test.each([
  [["demisto", "--descriptor", "soar", "--from-stdin"], "the demisto output needs url, token"],
  [["myspace", "--descriptor", "x"], 'unknown output service "myspace"; use one of'],
  [["aws-s3", "--descriptor", "x"], "aws-s3 needs --resource <name>"],
  [
    ["demisto", "--descriptor", "a:b", "--url", "u", "--token", "t"],
    '--descriptor "a:b" may not hold spaces or colons',
  ],
  [
    ["aws-sns", "--descriptor", "x", "--resource", "t", "--token", TOKEN],
    "aws-sns takes no credentials",
  ],
  [["demisto", "--descriptor", "soar", "--url", "u", TOKEN], "unexpected extra value after --url"],
])("set %j is refused: nothing stored, outputs.json untouched", async (args, message) => {
  const before = conf.snapshot();
  const run = await runCli(["output", "set", ...args, "-c", conf.conf], "{}");
  expect(run.exitCode).toBe(1);
  expect(run.stderr).toContain(message);
  expect(run.stderr).not.toContain(TOKEN);
  expect(ssm.commandCalls(PutParameterCommand)).toHaveLength(0);
  expect(conf.snapshot()).toEqual(before);
});

test("get shows the stored keys masked and names missing required ones", async () => {
  await runCli([
    "output",
    "set",
    "demisto",
    "--descriptor",
    "soar",
    "--url",
    "u",
    "--token",
    TOKEN,
    "-c",
    conf.conf,
  ]);
  ssm.on(GetParameterCommand).resolves({ Parameter: { Value: JSON.stringify({ token: TOKEN }) } });
  const run = await runCli(["output", "get", "demisto", "soar", "-c", conf.conf]);
  expect(run.exitCode).toBe(0);
  expect(run.stdout).toBe(
    "demisto:soar\n  credentials (SSM /acme/streamalert/outputs/demisto/soar):\n    token: ********\n  missing: url (the output fails without them)\n",
  );
  expect(ssm.commandCalls(GetParameterCommand)[0].args[0].input).toEqual({
    Name: "/acme/streamalert/outputs/demisto/soar",
    WithDecryption: true,
  });
});

test("get of an unconfigured descriptor or a missing parameter is an error", async () => {
  const unknown = await runCli(["output", "get", "demisto", "nope", "-c", conf.conf]);
  expect(unknown.exitCode).toBe(1);
  expect(unknown.stderr).toContain("demisto:nope is not in");
  await runCli([
    "output",
    "set",
    "demisto",
    "--descriptor",
    "soar",
    "--url",
    "u",
    "--token",
    TOKEN,
    "-c",
    conf.conf,
  ]);
  ssm.on(GetParameterCommand).rejects(new ParameterNotFound({ message: "none", $metadata: {} }));
  const missing = await runCli(["output", "get", "demisto", "soar", "-c", conf.conf]);
  expect(missing.exitCode).toBe(1);
  expect(missing.stderr).toContain(
    "SSM parameter /acme/streamalert/outputs/demisto/soar does not exist",
  );
});

test("get of an AWS output shows its resource without reading SSM", async () => {
  const run = await runCli(["output", "get", "aws-sns", "security-oncall", "-c", conf.conf]);
  expect(run.exitCode).toBe(0);
  expect(run.stdout).toBe("aws-sns:security-oncall\n  resource: acme_security_oncall\n");
  expect(ssm.calls()).toHaveLength(0);
});

test("list shows descriptors per service", async () => {
  const run = await runCli(["output", "list", "-c", conf.conf]);
  expect(run.exitCode).toBe(0);
  expect(run.stdout).toContain("aws-sqs\n  soar-intake -> acme_soar_alert_intake\n");
  expect(run.stdout).toContain("slack\n  security-alerts\n  security-noise\n");
  expect(ssm.calls()).toHaveLength(0);
});

/** A stand-in for SSM on 127.0.0.1 that records each request's target and JSON body. */
async function startFakeSsm() {
  const requests: Array<{ target: string; body: Record<string, unknown> }> = [];
  const read = async (request: IncomingMessage) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString("utf8");
  };
  const server = createServer(async (request, response) => {
    requests.push({
      target: String(request.headers["x-amz-target"]),
      body: JSON.parse(await read(request)),
    });
    response.writeHead(200, { "content-type": "application/x-amz-json-1.1" });
    response.end(JSON.stringify({ Version: 1, Tier: "Standard" }));
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as AddressInfo;
  return {
    requests,
    endpoint: `http://127.0.0.1:${port}`,
    close: () => new Promise((done) => server.close(done)),
  };
}

test("bin/streamalert output set reads the secret from stdin and sends it only to SSM", async () => {
  const fake = await startFakeSsm();
  try {
    const child = spawn(
      resolve("bin/streamalert"),
      ["output", "set", "demisto", "--descriptor", "soar", "--from-stdin", "-c", conf.conf],
      { env: { ...process.env, AWS_ENDPOINT_URL_SSM: fake.endpoint } },
    );
    let output = "";
    child.stdout.on("data", (chunk) => {
      output += chunk;
    });
    child.stderr.on("data", (chunk) => {
      output += chunk;
    });
    child.stdin.end(JSON.stringify({ url: "https://soar.example.com", token: TOKEN }));
    const code = await new Promise((done) => child.on("close", done));
    expect(code).toBe(0);
    expect(output).not.toContain(TOKEN);
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0].target).toBe("AmazonSSM.PutParameter");
    expect(fake.requests[0].body).toMatchObject({
      Name: "/acme/streamalert/outputs/demisto/soar",
      Type: "SecureString",
      KeyId: "alias/acme_streamalert_secrets",
    });
    expect(JSON.parse(String(fake.requests[0].body.Value))).toEqual({
      url: "https://soar.example.com",
      token: TOKEN,
    });
    expect(conf.json("outputs.json").demisto).toEqual(["soar"]);
  } finally {
    await fake.close();
  }
}, 30000);
