import { SSMProvider } from "@aws-lambda-powertools/parameters/ssm";
import { GetParameterCommand, SSMClient } from "@aws-sdk/client-ssm";
import { mockClient } from "aws-sdk-client-mock";
import {
  createSsmCredentialProvider,
  credentialParameterName,
  loadCredentials,
} from "../../functions/alert_processor/credentials";

const ssmClient = new SSMClient({ region: "us-east-1" });
const ssm = mockClient(ssmClient);

beforeEach(() => ssm.reset());

describe("SSM credentials", () => {
  it("names the parameter after the prefix, service and descriptor", () => {
    expect(credentialParameterName("acme", "slack", "security")).toBe(
      "/acme/streamalert/outputs/slack/security",
    );
  });

  it("reads the SecureString decrypted and reuses it while cached", async () => {
    ssm.on(GetParameterCommand).resolves({ Parameter: { Value: '{"url":"https://hooks/x"}' } });
    const provider = createSsmCredentialProvider(new SSMProvider({ awsSdkV3Client: ssmClient }));
    const name = "/acme/streamalert/outputs/slack/security";
    expect(await loadCredentials(provider, name, ["url"])).toEqual({ url: "https://hooks/x" });
    expect(await loadCredentials(provider, name, ["url"])).toEqual({ url: "https://hooks/x" });
    const calls = ssm.commandCalls(GetParameterCommand);
    expect(calls).toHaveLength(1);
    expect(calls[0].args[0].input).toEqual({ Name: name, WithDecryption: true });
  });

  it("names the parameter when SSM cannot find it, without the SDK's stack", async () => {
    ssm
      .on(GetParameterCommand)
      .rejects(Object.assign(new Error("Parameter not found"), { name: "ParameterNotFound" }));
    const provider = createSsmCredentialProvider(new SSMProvider({ awsSdkV3Client: ssmClient }));
    await expect(
      loadCredentials(provider, "/acme/streamalert/outputs/jira/main", ["api_key"]),
    ).rejects.toThrow(
      "credentials parameter /acme/streamalert/outputs/jira/main could not be read",
    );
  });
});
