// aliyun_actiontrail: ActionTrail LookupEvents (RPC API, signature version 1: HMAC-SHA1 over
// `GET&%2F&<sorted, RFC 3986-encoded query>` keyed with `<secret>&`). Events come newest first
// with a NextToken, so a window [cursor, now] is fixed at its first page, kept in the context with
// the token, and its end becomes the next cursor once its last page is sent.
import { createHmac, randomUUID } from "node:crypto";
import { encodeQuery, encodeRfc3986 } from "../app-http";
import { AppApiError } from "../errors";
import {
  type AppTypeDefinition,
  authString,
  isoSeconds,
  type PollerInput,
  type PollPage,
} from "./app-type";

const API_VERSION = "2020-07-06";
const MAX_RESULTS = 50;

interface AliyunContext {
  next_token?: string;
  window_end?: string;
}

/** The query with its `Signature`, for the given parameters and secret. */
export function signAliyunQuery(
  params: Record<string, string>,
  accessKeySecret: string,
): Record<string, string> {
  const sorted = Object.fromEntries(
    Object.entries(params).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );
  const stringToSign = `GET&${encodeRfc3986("/")}&${encodeRfc3986(encodeQuery(sorted))}`;
  const signature = createHmac("sha1", `${accessKeySecret}&`).update(stringToSign).digest("base64");
  return { ...sorted, Signature: signature };
}

function createPoller({ auth, lastTimestamp, context, http, now }: PollerInput) {
  const type = "aliyun_actiontrail";
  const accessKeyId = authString(auth, "access_key_id", type);
  const secret = authString(auth, "access_key_secret", type);
  const region = authString(auth, "region_id", type);
  const saved = context as AliyunContext;
  let nextToken = saved.next_token;
  let windowEnd = saved.window_end;

  return {
    async poll(): Promise<PollPage> {
      if (!nextToken || !windowEnd) windowEnd = isoSeconds(now());
      const params: Record<string, string> = {
        Action: "LookupEvents",
        Format: "JSON",
        Version: API_VERSION,
        AccessKeyId: accessKeyId,
        SignatureMethod: "HMAC-SHA1",
        SignatureVersion: "1.0",
        SignatureNonce: randomUUID(),
        Timestamp: isoSeconds(now()),
        StartTime: String(lastTimestamp),
        EndTime: windowEnd,
        MaxResults: String(MAX_RESULTS),
      };
      if (nextToken) params.NextToken = nextToken;
      const answer = await http.sendJson({
        url: `https://actiontrail.${region}.aliyuncs.com/`,
        query: signAliyunQuery(params, secret),
      });
      if (!Array.isArray(answer.Events)) {
        throw new AppApiError(
          `aliyun LookupEvents answered without Events: ${String(answer.Message ?? answer.Code ?? "")}`,
        );
      }
      nextToken =
        typeof answer.NextToken === "string" && answer.NextToken !== ""
          ? answer.NextToken
          : undefined;
      if (nextToken) {
        return {
          logs: answer.Events,
          more: true,
          lastTimestamp,
          context: { next_token: nextToken, window_end: windowEnd },
        };
      }
      return { logs: answer.Events, more: false, lastTimestamp: windowEnd, context: {} };
    },
  };
}

export const ALIYUN_ACTIONTRAIL: AppTypeDefinition = {
  type: "aliyun_actiontrail",
  description: "Alibaba Cloud ActionTrail events (LookupEvents)",
  authKeys: ["access_key_id", "access_key_secret", "region_id"],
  formatStart: isoSeconds,
  createPoller,
};
