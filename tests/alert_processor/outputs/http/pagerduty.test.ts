import type { OutputError } from "../../../../functions/alert_processor/outputs/errors";
import {
  createPagerDutyOutput,
  PAGERDUTY_EVENTS_V1_URL,
} from "../../../../functions/alert_processor/outputs/pagerduty";
import {
  AttachImage,
  as_custom_details,
  ShortenTitle,
} from "../../../../functions/alert_processor/publishers/pagerduty-layout";
import { toPlainAlert } from "../../../../functions/shared/alert";
import { allSaidBy, dispatchRequest, rejectionOf } from "../dispatch-requests";
import {
  closedPortUrl,
  failingFirst,
  type LocalServer,
  quickHttpClient,
  type SeenRequest,
  startLocalServer,
} from "../local-server";
import { recordingHttpClient } from "./recording-client";

const SERVICE_KEY = "4f9c2d1e8b7a6c5d4e3f2a1b0c9d8e7f";
const EVENTS_PATH = "/generic/2010-04-15/create_event.json";

/** Events API v1: a 32-character service key and a trigger with a description. */
function eventsV1(request: SeenRequest) {
  if (request.method !== "POST" || request.path !== EVENTS_PATH) return { status: 404 };
  const event = request.json();
  const errors: string[] = [];
  if (typeof event.service_key !== "string" || event.service_key.length !== 32) {
    errors.push("Service key is the wrong length (should be 32 characters)");
  }
  if (event.event_type !== "trigger") errors.push("Event type is invalid");
  if (typeof event.description !== "string" || event.description === "") {
    errors.push("Description is missing");
  }
  if (errors.length > 0) {
    return {
      status: 400,
      json: { status: "invalid event", message: "Event object is invalid", errors },
    };
  }
  return {
    status: 200,
    json: { status: "success", message: "Event processed", incident_key: event.incident_key },
  };
}

describe("pagerduty output (Events API v1)", () => {
  let server: LocalServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  const output = () => createPagerDutyOutput({ http: quickHttpClient() });
  const credentials = () => ({ service_key: SERVICE_KEY, url: `${server?.url}${EVENTS_PATH}` });

  it("triggers an event with the rule, the record and an incident key per output and alert", async () => {
    server = await startLocalServer(eventsV1);
    const request = dispatchRequest({ credentials: credentials() });
    await output().dispatch(request);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0].headers["content-type"]).toBe("application/json");
    expect(server.requests[0].json()).toEqual({
      service_key: SERVICE_KEY,
      event_type: "trigger",
      incident_key: `security:${request.alert.alertId}`,
      description: "StreamAlert Rule Triggered - console_login_without_mfa",
      details: { description: "A console login without MFA", record: request.alert.record },
      client: "streamalert",
      client_url: "",
      contexts: [],
    });
  });

  it("honours the @pagerduty override keys the PagerDuty layouts set", async () => {
    server = await startLocalServer(eventsV1);
    const plain = toPlainAlert(dispatchRequest().alert);
    let publication = ShortenTitle(plain, structuredClone(plain));
    publication = as_custom_details(plain, publication);
    publication = AttachImage(plain, publication);
    publication["@pagerduty.client_url"] = "https://console.example/alerts/1";
    (publication["@pagerduty.contexts"] as unknown[]).push(
      { type: "link", href: "https://wiki.example/mfa", text: "Runbook" },
      { type: "video", src: "https://example.com/a.mp4" },
      { type: "image" },
    );
    await output().dispatch(dispatchRequest({ credentials: credentials(), publication }));
    const event = server.requests[0].json();
    expect(event.description).toBe("console_login_without_mfa");
    expect(event.details).toMatchObject({ rule_name: "console_login_without_mfa" });
    expect(event.client_url).toBe("https://console.example/alerts/1");
    expect(event.contexts).toEqual([
      { type: "image", src: "https://streamalert.io/en/stable/_images/sa-banner.png" },
      { type: "link", href: "https://wiki.example/mfa", text: "Runbook" },
    ]);
  });

  it("uses PagerDuty's events endpoint unless the credentials name another", async () => {
    const http = recordingHttpClient({ status: "success" });
    await createPagerDutyOutput({ http }).dispatch(
      dispatchRequest({ credentials: { service_key: SERVICE_KEY } }),
    );
    expect(http.sent.map((request) => request.url)).toEqual([PAGERDUTY_EVENTS_V1_URL]);
  });

  it("retries a 500 and a 429, then triggers once", async () => {
    server = await startLocalServer(
      failingFirst([{ status: 500 }, { status: 429, headers: { "retry-after": "0" } }], eventsV1),
    );
    await output().dispatch(dispatchRequest({ credentials: credentials() }));
    expect(server.requests).toHaveLength(3);
    expect(new Set(server.requests.map((request) => request.body)).size).toBe(1);
  });

  it("treats 400 as final and keeps the service key out of the error", async () => {
    server = await startLocalServer((request) => ({
      status: 400,
      json: {
        status: "invalid event",
        errors: [`service key ${request.json().service_key} unknown`],
      },
    }));
    const error = await rejectionOf(
      output().dispatch(dispatchRequest({ credentials: credentials() })),
    );
    expect(server.requests).toHaveLength(1);
    expect((error as OutputError).retryable).toBe(false);
    expect(error.message).toContain("pagerduty");
    expect(error.message).toContain("HTTP 400");
    expect(allSaidBy(error)).not.toContain(SERVICE_KEY);
    const unreachable = await rejectionOf(
      output().dispatch(
        dispatchRequest({ credentials: { service_key: SERVICE_KEY, url: await closedPortUrl() } }),
      ),
    );
    expect(allSaidBy(unreachable)).not.toContain(SERVICE_KEY);
  });

  it("refuses a url credential that is not a URL, without echoing it", async () => {
    const error = await rejectionOf(
      output().dispatch(
        dispatchRequest({
          credentials: { service_key: SERVICE_KEY, url: `events/${SERVICE_KEY}` },
        }),
      ),
    );
    expect(error.message).toContain('credential "url" is not an http(s) URL');
    expect(allSaidBy(error)).not.toContain(SERVICE_KEY);
  });
});
