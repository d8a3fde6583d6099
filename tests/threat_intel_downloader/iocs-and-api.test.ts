import { ThreatStreamCredentialsError } from "../../functions/threat_intel_downloader/errors";
import {
  DEFAULT_EXPIRATION_DAYS,
  expirationSeconds,
  iocItemsOf,
} from "../../functions/threat_intel_downloader/ioc-items";
import {
  createThreatStreamApi,
  firstPagePath,
  intelligenceFilter,
  withoutCredentials,
} from "../../functions/threat_intel_downloader/threatstream-api";
import {
  API_KEY,
  API_USER,
  ioc,
  startThreatStream,
  type ThreatStreamStandIn,
} from "./threatstream-stand-in";

const NOW = new Date("2024-03-05T00:00:00Z");

describe("iocItemsOf", () => {
  it("keeps IOCs whose source contains a filter (any case) as table items", () => {
    const { items, filteredOut } = iocItemsOf(
      [ioc("evil.example", "domain", "CrowdStrike Falcon"), ioc("1.2.3.4", "ip", "other feed")],
      { sources: ["crowdstrike"] },
      NOW,
    );
    expect(items).toEqual([
      {
        ioc_value: "evil.example",
        ioc_type: "domain",
        sub_type: "domain_malware",
        source: "CrowdStrike Falcon",
        expiration_ts: Math.floor(Date.parse("2030-01-02T03:04:05.678Z") / 1000),
      },
    ]);
    expect(filteredOut).toBe(1);
  });

  it("keeps every source when no filter is configured, counts malformed objects", () => {
    const result = iocItemsOf(
      [ioc("1.2.3.4", "ip", "a"), ioc("5.6.7.8", "ip", "b"), { type: "ip" }, { value: "x" }],
      { sources: [] },
      NOW,
    );
    expect(result.items.map((item) => item.ioc_value)).toEqual(["1.2.3.4", "5.6.7.8"]);
    expect(result.malformed).toBe(2);
  });

  it.each([
    ["an ISO time with milliseconds", "2024-03-06T00:00:00.000Z", Date.parse("2024-03-06") / 1000],
    ["an ISO time without them", "2024-03-06T00:00:00Z", Date.parse("2024-03-06") / 1000],
    ["no expiration", null, NOW.getTime() / 1000 + DEFAULT_EXPIRATION_DAYS * 86_400],
    ["an unreadable one", "someday", NOW.getTime() / 1000 + DEFAULT_EXPIRATION_DAYS * 86_400],
  ])("expiration of %s", (_, value, seconds) => {
    expect(expirationSeconds(value, NOW)).toBe(seconds);
  });
});

describe("ThreatStream requests", () => {
  it("filters active IOCs of the configured types, without the excluded sub types", () => {
    expect(
      intelligenceFilter({ iocTypes: ["domain", "ip"], excludedSubTypes: ["tor_ip", "bot_ip"] }),
    ).toBe(
      '(status="active") AND (type="domain" OR type="ip") AND NOT (itype="tor_ip" OR itype="bot_ip")',
    );
    expect(intelligenceFilter({ iocTypes: [], excludedSubTypes: [] })).toBe('(status="active")');
    const path = new URL(firstPagePath({ iocTypes: ["md5"], excludedSubTypes: [] }), "http://x");
    expect(path.pathname).toBe("/api/v2/intelligence/");
    expect(path.searchParams.get("limit")).toBe("1000");
    expect(path.searchParams.get("q")).toBe('(status="active") AND (type="md5")');
  });

  it("strips the credentials from a next link", () => {
    expect(withoutCredentials("/api/v2/intelligence/?username=u&api_key=k&offset=1000&q=x")).toBe(
      "/api/v2/intelligence/?offset=1000&q=x",
    );
  });
});

describe("ThreatStream API client", () => {
  let standIn: ThreatStreamStandIn;
  const credentials = { apiUser: API_USER, apiKey: API_KEY };
  const api = () =>
    createThreatStreamApi({ credentials, baseUrl: standIn.baseUrl, sleep: async () => {} });

  beforeEach(async () => {
    standIn = await startThreatStream([[ioc("a.example", "domain", "x")], [ioc("b", "ip", "x")]]);
  });
  afterEach(() => standIn.close());

  it("sends the credentials and hands back a credential-free next path", async () => {
    const page = await api().fetchPage("/api/v2/intelligence/?limit=1000&q=x");
    expect(page.objects).toHaveLength(1);
    expect(page.next).toBe("/api/v2/intelligence/?limit=1000&q=x&offset=1000");
    expect(standIn.requests[0].params.get("username")).toBe(API_USER);
    const last = await api().fetchPage(page.next ?? "");
    expect(last).toMatchObject({ offset: 1000, next: undefined });
  });

  it("retries a 500 and a 429, then succeeds", async () => {
    standIn.failNext(500, 429);
    const page = await api().fetchPage("/api/v2/intelligence/?limit=1000");
    expect(page.objects).toHaveLength(1);
    expect(standIn.requests).toHaveLength(3);
  });

  it("gives up after three failed attempts, saying so", async () => {
    standIn.failNext(503, 503, 503);
    await expect(api().fetchPage("/api/v2/intelligence/")).rejects.toThrow(
      /answered 503 .* \(after 3 attempts\)/,
    );
  });

  it("does not retry refused credentials and says how to fix them", async () => {
    const wrong = createThreatStreamApi({
      credentials: { apiUser: API_USER, apiKey: "b".repeat(40) },
      baseUrl: standIn.baseUrl,
      sleep: async () => {},
    });
    const failure = wrong.fetchPage("/api/v2/intelligence/");
    await expect(failure).rejects.toBeInstanceOf(ThreatStreamCredentialsError);
    await expect(failure).rejects.toThrow(/threat-intel-downloader configure --credentials/);
    expect(standIn.requests).toHaveLength(1);
  });

  it("never sends the credentials to another host", async () => {
    await expect(api().fetchPage("http://attacker.example/api/v2/intelligence/")).rejects.toThrow(
      /refusing to follow http:\/\/attacker\.example/,
    );
    expect(standIn.requests).toHaveLength(0);
  });
});
