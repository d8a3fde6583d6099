import {
  composePublication,
  publisherNamesFor,
} from "../../../functions/alert_processor/publishers/compose";
import {
  buildPublisherRegistry,
  PublisherRegistryError,
} from "../../../functions/alert_processor/publishers/registry";
import { toPlainAlert } from "../../../functions/shared/alert";
import type { PublishedAlert } from "../../../functions/shared/rules/types";
import { alertOf } from "../../alert_merger/factories";

function tag(name: string) {
  return (_alert: PublishedAlert, publication: PublishedAlert) => ({
    ...publication,
    trail: [...((publication.trail as string[]) ?? []), name],
  });
}

const registry = buildPublisherRegistry([
  { file: "rules/publishers/tags.ts", exports: { first: tag("first"), second: tag("second") } },
]);

describe("composePublication", () => {
  it("gives the alert's plain form when the output has no publishers", () => {
    const alert = alertOf({ publishers: { "slack:other": ["first"] } });
    expect(composePublication(alert, "slack:security", registry)).toEqual(toPlainAlert(alert));
  });

  it("runs the service's publishers, then the exact output's, from an empty publication", () => {
    const alert = alertOf({ publishers: { slack: ["first"], "slack:security": ["second"] } });
    expect(composePublication(alert, "slack:security", registry)).toEqual({
      trail: ["first", "second"],
    });
    expect(composePublication(alert, "slack:noise", registry)).toEqual({ trail: ["first"] });
  });

  it("reports unknown names and falls back to the plain form when none resolve", () => {
    const unknown: string[] = [];
    const alert = alertOf({ publishers: { "slack:security": ["nope"] } });
    const publication = composePublication(alert, "slack:security", registry, {
      onUnknownPublisher: (name) => unknown.push(name),
    });
    expect(unknown).toEqual(["nope"]);
    expect(publication).toEqual(toPlainAlert(alert));
  });

  it("keeps publishers from changing the alert another output or publisher sees", () => {
    const vandal = (alert: PublishedAlert, publication: PublishedAlert) => {
      (alert.record as Record<string, unknown>).user = "mallory";
      return { ...publication, saw: (alert.record as Record<string, unknown>).user };
    };
    const local = buildPublisherRegistry([{ file: "p.ts", exports: { vandal } }]);
    const alert = alertOf({
      record: { user: "alice" },
      publishers: { "slack:a": ["vandal", "add_record"] },
    });
    expect(composePublication(alert, "slack:a", local)).toEqual({
      saw: "mallory",
      record: { user: "alice" },
    });
    expect(alert.record).toEqual({ user: "alice" });
  });

  it("resolves StreamAlert's full publisher names and their short names", () => {
    const alert = alertOf({
      publishers: {
        "pagerduty-v2:oncall": [
          "publishers.community.pagerduty.pagerduty_layout.ShortenTitle",
          "v2_high_urgency",
        ],
      },
    });
    expect(composePublication(alert, "pagerduty-v2:oncall", registry)).toEqual({
      "@pagerduty-v2.summary": alert.ruleName,
      "@pagerduty-incident.incident_title": alert.ruleName,
      "@pagerduty.description": alert.ruleName,
      "@pagerduty-v2.severity": "critical",
      "@pagerduty-incident.urgency": "high",
    });
  });
});

describe("publisher registry", () => {
  it("lets a user publisher take a built-in's short name, never its full name", () => {
    const mine = () => ({ mine: true });
    const local = buildPublisherRegistry([{ file: "p.ts", exports: { populate_fields: mine } }]);
    expect(local.get("populate_fields")).toBe(mine);
    expect(local.get("publishers.community.generic.populate_fields")).not.toBe(mine);
  });

  it("ignores exports that are not functions", () => {
    const local = buildPublisherRegistry([{ file: "p.ts", exports: { LIMIT: 5 } }]);
    expect(local.get("LIMIT")).toBeUndefined();
  });

  it("rejects one name exported by two files, naming both", () => {
    const fn = () => ({});
    expect(() =>
      buildPublisherRegistry([
        { file: "rules/publishers/a.ts", exports: { same: fn } },
        { file: "rules/publishers/b.ts", exports: { same: fn } },
      ]),
    ).toThrow(
      new PublisherRegistryError(
        'duplicate publisher names:\nrules/publishers/b.ts: publisher "same" is also exported by rules/publishers/a.ts',
      ),
    );
  });

  it("reads the names stored on the alert for one output", () => {
    expect(
      publisherNamesFor({ publishers: { slack: ["a"], "slack:x": ["b"] } }, "slack:x"),
    ).toEqual(["a", "b"]);
  });
});
