// aliyun_actiontrail against an ActionTrail stand-in that checks the signature version 1 of every
// request, answers newest first with NextToken, and the window end becomes the cursor at the end.
import { createHmac } from "node:crypto";
import { ALIYUN_ACTIONTRAIL } from "../../../functions/apps/types/aliyun";
import {
  allLogs,
  type LocalServer,
  pollAll,
  type SeenRequest,
  startLocalServer,
} from "../app-test-kit";

const AUTH = { access_key_id: "LTAIkey", access_key_secret: "secret/+=", region_id: "cn-hangzhou" };
const NOW = new Date("2026-11-28T16:00:00Z");
const event = (id: string) => ({
  eventId: id,
  eventName: "ConsoleSignin",
  eventTime: "2026-11-28T15:30:00Z",
});

function signed(request: SeenRequest): boolean {
  const encode = (value: string) =>
    encodeURIComponent(value).replace(
      /[!'()*]/g,
      (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
    );
  const canonical = [...request.query.entries()]
    .filter(([key]) => key !== "Signature")
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([key, value]) => `${encode(key)}=${encode(value)}`)
    .join("&");
  const expected = createHmac("sha1", `${AUTH.access_key_secret}&`)
    .update(`GET&%2F&${encode(canonical)}`)
    .digest("base64");
  return request.query.get("Signature") === expected;
}

describe("aliyun_actiontrail", () => {
  let server: LocalServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it("signs each request and pages by NextToken through a fixed window", async () => {
    server = await startLocalServer((request) => {
      if (!signed(request) || request.query.get("AccessKeyId") !== "LTAIkey") {
        return { status: 400, json: { Code: "SignatureDoesNotMatch" } };
      }
      if (request.query.get("Action") !== "LookupEvents") return { status: 400, json: {} };
      const token = request.query.get("NextToken");
      return {
        json: token
          ? { RequestId: "r2", Events: [event("e1")] }
          : { RequestId: "r1", Events: [event("e3"), event("e2")], NextToken: "t2" },
      };
    });

    const pages = await pollAll(ALIYUN_ACTIONTRAIL, server.url, {
      auth: AUTH,
      lastTimestamp: "2026-11-28T15:00:00Z",
      now: NOW,
    });

    expect(server.requests[0].query.get("StartTime")).toBe("2026-11-28T15:00:00Z");
    expect(server.requests[1].query.get("EndTime")).toBe("2026-11-28T16:00:00Z");
    expect(allLogs(pages)).toEqual([event("e3"), event("e2"), event("e1")]);
    expect(pages[0]).toMatchObject({
      more: true,
      lastTimestamp: "2026-11-28T15:00:00Z",
      context: { next_token: "t2" },
    });
    expect(pages[1]).toMatchObject({
      more: false,
      lastTimestamp: "2026-11-28T16:00:00Z",
      context: {},
    });
  });

  it("fails on a refused signature", async () => {
    server = await startLocalServer(() => ({
      status: 400,
      json: { Code: "SignatureDoesNotMatch" },
    }));

    await expect(
      pollAll(ALIYUN_ACTIONTRAIL, server.url, { auth: AUTH, lastTimestamp: "x" }),
    ).rejects.toThrow(/aliyun_actiontrail.*HTTP 400.*SignatureDoesNotMatch/);
  });
});
