import type { OutputError } from "../../../../functions/alert_processor/outputs/errors";
import {
  createPagerDutyV2Output,
  PAGERDUTY_EVENTS_V2_URL,
} from "../../../../functions/alert_processor/outputs/pagerduty-v2";
import {
  AttachImage,
  as_custom_details,
  ShortenTitle,
  v2_high_urgency,
  v2_low_urgency,
} from "../../../../functions/alert_processor/publishers/pagerduty-layout";
import { toPlainAlert } from "../../../../functions/shared/alert";
import type { PublishedAlert } from "../../../../functions/shared/rules/types";
import { allSaidBy, dispatchRequest, rejectionOf } from "../dispatch-requests";
import {
  failingFirst,
  type LocalServer,
  quickHttpClient,
  type SeenRequest,
  startLocalServer,
} from "../local-server";
import { recordingHttpClient } from "./recording-client";

const ROUTING_KEY = "R0ut1ngK3yF0rTh3S3cur1tyS3rv1c3";
const SEVERITIES = ["critical", "error", "warning", "info"];

interface Event {
  routing_key: string;
  event_action: string;
  dedup_key: string;
  payload: {
    summary: string;
    source: string;
    severity: string;
    custom_details: Record<string, unknown>;
    component?: string;
    group?: string;
    class?: string;
  };
  client: string;
  client_url?: string;
  images: unknown[];
  links: unknown[];
}

/** Events API v2 /v2/enqueue: validates the event and answers 202 with its dedup key. */
function enqueue(request: SeenRequest) {
  if (request.method !== "POST" || request.path !== "/v2/enqueue") return { status: 404 };
  const event = request.json<Event>();
  const errors: string[] = [];
  if (event.routing_key !== ROUTING_KEY) errors.push("'routing_key' is invalid");
  if (event.event_action !== "trigger") errors.push("'event_action' is invalid");
  if (!event.payload?.summary) errors.push("'payload.summary' is missing or blank");
  if (!event.payload?.source) errors.push("'payload.source' is missing or blank");
  if (!SEVERITIES.includes(event.payload?.severity)) errors.push("'payload.severity' is invalid");
  if (errors.length > 0) {
    return {
      status: 400,
      json: { status: "invalid event", message: "Event object is invalid", errors },
    };
  }
  return {
    status: 202,
    json: { status: "success", message: "Event processed", dedup_key: event.dedup_key },
  };
}

function chain(...publishers: Array<(a: PublishedAlert, p: PublishedAlert) => PublishedAlert>) {
  const plain = toPlainAlert(dispatchRequest().alert);
  return publishers.reduce((publication, publisher) => publisher(plain, publication), {
    ...plain,
  } as PublishedAlert);
}

describe("pagerduty-v2 output (Events API v2)", () => {
  let server: LocalServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  const output = () => createPagerDutyV2Output({ http: quickHttpClient() });
  const credentials = () => ({ routing_key: ROUTING_KEY, url: `${server?.url}/v2/enqueue` });
  const eventOf = (index = 0) => server!.requests[index].json<Event>();

  it("enqueues a trigger deduplicated per output and alert, with the rule and record", async () => {
    server = await startLocalServer(enqueue);
    const request = dispatchRequest({ credentials: credentials(), descriptor: "oncall" });
    await output().dispatch(request);
    expect(server.requests).toHaveLength(1);
    expect(eventOf()).toEqual({
      routing_key: ROUTING_KEY,
      event_action: "trigger",
      dedup_key: `oncall:${request.alert.alertId}`,
      payload: {
        summary: "StreamAlert Rule Triggered - console_login_without_mfa",
        source: "cloudtrail:events",
        severity: "critical",
        custom_details: {
          description: "A console login without MFA",
          record: request.alert.record,
        },
      },
      client: "StreamAlert",
      images: [],
      links: [],
    });
  });

  it("takes summary, details, severity and images from the PagerDuty layout publishers", async () => {
    server = await startLocalServer(enqueue);
    const publication = chain(ShortenTitle, as_custom_details, v2_low_urgency, AttachImage);
    await output().dispatch(dispatchRequest({ credentials: credentials(), publication }));
    const event = eventOf();
    expect(event.payload.summary).toBe("console_login_without_mfa");
    expect(event.payload.severity).toBe("warning");
    expect(event.payload.custom_details).toMatchObject({ rule_name: "console_login_without_mfa" });
    expect(Object.keys(event.payload.custom_details).some((key) => key.startsWith("@"))).toBe(
      false,
    );
    expect(event.images).toEqual([
      {
        src: "https://streamalert.io/en/stable/_images/sa-banner.png",
        href: "https://streamalert.io/en/stable/",
        alt: "StreamAlert Docs",
      },
    ]);

    await output().dispatch(
      dispatchRequest({ credentials: credentials(), publication: chain(v2_high_urgency) }),
    );
    expect(eventOf(1).payload.severity).toBe("critical");
  });

  it("honours links, client_url, component, group and class", async () => {
    server = await startLocalServer(enqueue);
    await output().dispatch(
      dispatchRequest({
        credentials: credentials(),
        publication: {
          "@pagerduty-v2.links": [{ href: "https://wiki.example/mfa" }, { text: "no href" }],
          "@pagerduty-v2.client_url": "https://console.example/alerts/1",
          "@pagerduty-v2.component": "console",
          "@pagerduty-v2.group": "aws",
          "@pagerduty-v2.class": "login",
        },
      }),
    );
    const event = eventOf();
    expect(event.links).toEqual([
      { href: "https://wiki.example/mfa", text: "https://wiki.example/mfa" },
    ]);
    expect(event.client_url).toBe("https://console.example/alerts/1");
    expect(event.payload).toMatchObject({ component: "console", group: "aws", class: "login" });
  });

  it.each([
    [{ severity: "medium" }, {}, "warning"],
    [{ severity: "high" }, {}, "error"],
    [{ severity: "info" }, {}, "info"],
    [{ severity: "low" }, { "@pagerduty-v2.severity": "Critical" }, "critical"],
    [{}, { "@pagerduty-v2.severity": "sev1" }, "critical"],
  ] as const)(
    "maps rule severity %j with overrides %j to %s",
    async (alert, publication, severity) => {
      server = await startLocalServer(enqueue);
      await output().dispatch(dispatchRequest({ credentials: credentials(), alert, publication }));
      expect(eventOf().payload.severity).toBe(severity);
    },
  );

  it("uses PagerDuty's enqueue endpoint unless the credentials name another", async () => {
    const http = recordingHttpClient({ status: "success" });
    await createPagerDutyV2Output({ http }).dispatch(
      dispatchRequest({ credentials: { routing_key: ROUTING_KEY } }),
    );
    expect(http.sent.map((request) => request.url)).toEqual([PAGERDUTY_EVENTS_V2_URL]);
  });

  it("retries 429 and 500 with the same dedup key, and enqueues once", async () => {
    server = await startLocalServer(
      failingFirst([{ status: 429, headers: { "retry-after": "0" } }, { status: 500 }], enqueue),
    );
    await output().dispatch(dispatchRequest({ credentials: credentials() }));
    expect(server.requests).toHaveLength(3);
    expect(new Set(server.requests.map((request) => request.body)).size).toBe(1);
    expect(server.requests.filter((request) => enqueue(request).status === 202)).toHaveLength(3);
  });

  it("treats 400 as final and keeps the routing key out of the error", async () => {
    server = await startLocalServer((request) => ({
      status: 400,
      json: {
        status: "invalid event",
        errors: [`routing key ${request.json().routing_key} is invalid`],
      },
    }));
    const error = await rejectionOf(
      output().dispatch(dispatchRequest({ credentials: credentials() })),
    );
    expect(server.requests).toHaveLength(1);
    expect((error as OutputError).retryable).toBe(false);
    expect(error.message).toContain("pagerduty-v2");
    expect(error.message).toContain("routing key *** is invalid");
    expect(allSaidBy(error)).not.toContain(ROUTING_KEY);
  });
});
