// The app core end to end on mocked SSM and Lambda: what state is saved when, what the classifier
// receives, when the app invokes itself, and that a failing API loses nothing.
import { runApp, STALE_STATE_MS } from "../../functions/apps/app-runner";
import { AppConfigError } from "../../functions/apps/errors";
import { MAX_PAYLOAD_BYTES } from "../../functions/apps/log-batcher";
import type { AppTypeDefinition, PollPage } from "../../functions/apps/types/app-type";
import { DUO_AUTH } from "../../functions/apps/types/duo";
import { type LocalServer, startLocalServer } from "./app-test-kit";
import { CLASSIFIER, createAwsFake, FUNCTION_NAME, runInput } from "./runner-kit";

const NOW = new Date("2026-11-28T16:00:00Z");
const AUTH = { token: "t" };

/** An app type serving fixed pages; each poll records the cursor it was created with. */
function pagedType(pages: PollPage[], seen: unknown[] = []): Record<string, AppTypeDefinition> {
  const definition: AppTypeDefinition = {
    type: "duo_auth",
    description: "test pages",
    authKeys: ["token"],
    formatStart: (date) => Math.floor(date.getTime() / 1000),
    createPoller: ({ lastTimestamp, context }) => {
      seen.push({ lastTimestamp, context });
      let next = 0;
      return { poll: async () => pages[next++] };
    },
  };
  return { duo_auth: definition };
}

const page = (logs: unknown[], lastTimestamp: number, more: boolean, context = {}): PollPage => ({
  logs,
  lastTimestamp,
  more,
  context,
});

describe("runApp", () => {
  let aws: ReturnType<typeof createAwsFake>;
  let server: LocalServer | undefined;
  beforeEach(() => {
    aws = createAwsFake();
    aws.setAuth(AUTH);
  });
  afterEach(async () => {
    aws.restore();
    await server?.close();
    server = undefined;
  });

  it("starts one interval back on its first run, sends the logs and ends succeeded", async () => {
    const seen: unknown[] = [];
    const types = pagedType([page([{ a: 1 }, { a: 2 }], 1795881000, false)], seen);

    const result = await runApp(runInput(), aws.deps({ types, now: () => NOW }));

    expect(seen).toEqual([{ lastTimestamp: NOW.getTime() / 1000 - 600, context: {} }]);
    expect(aws.classifierPayloads()).toEqual([
      { streamalert_app: FUNCTION_NAME, logs: [{ a: 1 }, { a: 2 }] },
    ]);
    expect(aws.invocations[0]).toMatchObject({ qualifier: "production", invocationType: "Event" });
    expect(aws.stateHistory[0].current_state).toBe("running");
    expect(aws.state()).toEqual({
      last_timestamp: 1795881000,
      current_state: "succeeded",
      context: {},
    });
    expect(result).toMatchObject({ outcome: "succeeded", polls: 1, logs: 2, batches: 1 });
  });

  it("continues from the saved cursor and context", async () => {
    aws.setState({ last_timestamp: 1234, current_state: "succeeded", context: { page: 3 } });
    const seen: unknown[] = [];

    await runApp(runInput(), aws.deps({ types: pagedType([page([], 1234, false)], seen) }));

    expect(seen).toEqual([{ lastTimestamp: 1234, context: { page: 3 } }]);
  });

  it("splits logs into payloads under the invoke limit, in order, and drops only a log too big alone", async () => {
    const logs = Array.from({ length: 400 }, (_, i) => ({ i, filler: "x".repeat(1000) }));
    const huge = { i: "huge", filler: "y".repeat(MAX_PAYLOAD_BYTES) };
    const types = pagedType([page([...logs.slice(0, 200), huge, ...logs.slice(200)], 9, false)]);

    const result = await runApp(runInput(), aws.deps({ types }));

    const payloads = aws.invocations.filter((call) => call.functionName === CLASSIFIER);
    expect(payloads.length).toBeGreaterThan(3);
    for (const call of payloads)
      expect(Buffer.byteLength(call.payload)).toBeLessThanOrEqual(MAX_PAYLOAD_BYTES);
    expect(aws.classifierPayloads().flatMap((payload) => payload.logs)).toEqual(logs);
    expect(result).toMatchObject({ logs: 400, dropped: 1, batches: payloads.length });
  });

  it("saves the cursor after each page and re-invokes itself when time runs out", async () => {
    let remaining = 60_000;
    const types = pagedType([
      page([{ p: 1 }], 10, true, { token: "p2" }),
      page([{ p: 2 }], 20, true, { token: "p3" }),
      page([{ p: 3 }], 30, false),
    ]);
    const original = types.duo_auth.createPoller;
    types.duo_auth.createPoller = (input) => {
      const poller = original(input);
      // each page takes 29 s: after the second, too little time is left for a third
      return {
        poll: async () => {
          remaining -= 29_000;
          return poller.poll();
        },
      };
    };

    const result = await runApp(runInput({ remainingMs: () => remaining }), aws.deps({ types }));

    expect(result.outcome).toBe("partial");
    expect(aws.state()).toEqual({
      last_timestamp: 20,
      current_state: "partial",
      context: { token: "p3" },
    });
    const self = aws.invocations.filter((call) => call.functionName === FUNCTION_NAME);
    expect(self).toEqual([
      {
        functionName: FUNCTION_NAME,
        qualifier: "production",
        invocationType: "Event",
        payload: JSON.stringify({ invocation_type: "successive" }),
      },
    ]);
    // the page saved before the self-invocation: the successive run starts after page 2
    expect(aws.stateHistory.map((state) => state.last_timestamp)).toEqual([
      expect.any(Number),
      10,
      20,
      20,
    ]);
  });

  it.each([
    ["running", false],
    ["running", true],
    ["partial", false],
  ])("does not start beside a live run (state %s, successive %s)", async (current, successive) => {
    aws.setState({ last_timestamp: 5, current_state: current, context: {} });
    const seen: unknown[] = [];

    const result = await runApp(
      runInput({ successive }),
      aws.deps({ types: pagedType([page([], 5, false)], seen) }),
    );

    expect(result.outcome).toBe("skipped");
    expect(seen).toEqual([]);
    expect(aws.stateHistory).toEqual([]);
  });

  it("continues a partial chain when invoked as its successor", async () => {
    aws.setState({ last_timestamp: 5, current_state: "partial", context: { token: "x" } });

    const result = await runApp(
      runInput({ successive: true }),
      aws.deps({ types: pagedType([page([{ n: 1 }], 6, false)]) }),
    );

    expect(result.outcome).toBe("succeeded");
  });

  it("takes over the state of a run that died (running for longer than any Lambda runs)", async () => {
    aws.setState(
      { last_timestamp: 5, current_state: "running", context: {} },
      new Date(Date.now() - STALE_STATE_MS - 1000),
    );

    const result = await runApp(runInput(), aws.deps({ types: pagedType([page([], 5, false)]) }));

    expect(result.outcome).toBe("succeeded");
  });

  it("marks failed and keeps the last delivered cursor when the API fails; the next run sends the rest", async () => {
    const logs = Array.from({ length: 1500 }, (_, i) => ({
      timestamp: 1000 + i,
      username: `u${i}`,
    }));
    let failing = true;
    server = await startLocalServer((request) => {
      const mintime = Number(request.query.get("mintime"));
      if (mintime > 1001 && failing) return { status: 503, text: "unavailable" };
      return {
        json: { stat: "OK", response: logs.filter((l) => l.timestamp >= mintime).slice(0, 1000) },
      };
    });
    aws.setAuth({
      api_hostname: "api-1a2b3c4d.duosecurity.com",
      integration_key: "DI",
      secret_key: "s",
    });
    aws.setState({ last_timestamp: 999, current_state: "succeeded", context: {} });
    const deps = aws.deps({
      types: { duo_auth: DUO_AUTH },
      http: { endpointOverride: server.url, baseDelayMs: 1, maxDelayMs: 2 },
    });

    await expect(runApp(runInput(), deps)).rejects.toThrow(/HTTP 503/);
    // the first page ended at 1999, held back as its second may continue on the next page
    expect(aws.state()).toEqual({ last_timestamp: 1998, current_state: "failed", context: {} });

    failing = false;
    await runApp(runInput(), deps);

    const delivered = aws.classifierPayloads().flatMap((payload) => payload.logs);
    expect(delivered).toEqual(logs);
    expect(aws.state()).toMatchObject({ last_timestamp: 2499, current_state: "succeeded" });
  });

  it("does not move the cursor past logs the classifier did not accept", async () => {
    aws.setState({ last_timestamp: 7, current_state: "succeeded", context: {} });
    aws.lambdaMock.rejects(new Error("Rate exceeded"));

    await expect(
      runApp(runInput(), aws.deps({ types: pagedType([page([{ n: 1 }], 8, false)]) })),
    ).rejects.toThrow(/Rate exceeded/);

    expect(aws.state()).toEqual({ last_timestamp: 7, current_state: "failed", context: {} });
  });

  it("names the missing auth parameter, the missing keys and an unknown type", async () => {
    aws.parameters.clear();
    await expect(runApp(runInput(), aws.deps())).rejects.toThrow(
      new AppConfigError(
        `SSM parameter ${FUNCTION_NAME}_auth does not exist; store it with streamalert app update-auth`,
      ),
    );
    aws.setAuth({ api_hostname: "api-1a2b3c4d.duosecurity.com" });
    await expect(runApp(runInput(), aws.deps())).rejects.toThrow(
      /lacks integration_key, secret_key/,
    );
    await expect(runApp(runInput({ appType: "duo_everything" }), aws.deps())).rejects.toThrow(
      /app type "duo_everything" is not one of .*duo_admin, duo_auth/,
    );
    expect(aws.stateHistory).toEqual([]);
  });
});
