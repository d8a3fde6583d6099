import { canMerge, groupMergeCandidates } from "../../functions/alert_merger/merge-groups";
import type { Alert } from "../../functions/shared/alert";
import { mergeCandidate, minutes } from "./factories";

const ids = (groups: Alert[][]) => groups.map((group) => group.map((alert) => alert.alertId));

describe("groupMergeCandidates", () => {
  it("groups in creation order, whatever order the table returned them in", () => {
    const late = mergeCandidate({ alertId: "late", created: minutes(5) });
    const early = mergeCandidate({ alertId: "early", created: minutes(0) });
    const middle = mergeCandidate({ alertId: "middle", created: minutes(2) });
    expect(ids(groupMergeCandidates([late, early, middle], minutes(30)))).toEqual([
      ["early", "middle", "late"],
    ]);
  });

  it("caps a group at 50 alerts and starts the next with the 51st", () => {
    const alerts = Array.from({ length: 120 }, (_, index) =>
      mergeCandidate({ alertId: `a${String(index).padStart(3, "0")}`, created: minutes(0) }),
    );
    const groups = groupMergeCandidates(alerts, minutes(30));
    expect(groups.map((group) => group.length)).toEqual([50, 50, 20]);
    expect(groups[1][0].alertId).toBe("a050");
  });

  it.each([
    ["within the oldest's window", 10, 1],
    ["just past the oldest's window", 10.001, 2],
  ])("an alert created %s: %d min later → %d group(s)", (_case, offset, groupCount) => {
    const first = mergeCandidate({ created: minutes(0) });
    const second = mergeCandidate({ created: minutes(offset) });
    expect(groupMergeCandidates([first, second], minutes(60))).toHaveLength(groupCount);
  });

  it.each<[string, Record<string, unknown>, Record<string, unknown>, string[], string[], boolean]>([
    ["equal top-level values", { user: "a" }, { user: "a" }, ["user"], ["user"], true],
    ["different values", { user: "a" }, { user: "b" }, ["user"], ["user"], false],
    ["the key missing from both", { x: 1 }, { x: 2 }, ["user"], ["user"], true],
    ["the key missing from one", { user: "a" }, { x: 2 }, ["user"], ["user"], false],
    [
      "equal nested values at different depths",
      { user: "a" },
      { detail: { identity: { user: "a" } } },
      ["user"],
      ["user"],
      true,
    ],
    [
      "the shallowest value counts, not a deeper one",
      { detail: { user: "a" }, user: "b" },
      { user: "a" },
      ["user"],
      ["user"],
      false,
    ],
    [
      "equal object values",
      { user: { id: 1, n: "a" } },
      { user: { n: "a", id: 1 } },
      ["user"],
      ["user"],
      true,
    ],
    [
      "different key sets",
      { user: "a", ip: "1" },
      { user: "a", ip: "1" },
      ["user"],
      ["user", "ip"],
      false,
    ],
    [
      "the same key set in another order",
      { user: "a", ip: "1" },
      { user: "a", ip: "1" },
      ["ip", "user"],
      ["user", "ip"],
      true,
    ],
  ])("merges with %s: %#", (_case, leftRecord, rightRecord, leftKeys, rightKeys, merges) => {
    const left = mergeCandidate({ record: leftRecord, mergeByKeys: leftKeys, created: minutes(0) });
    const right = mergeCandidate({
      record: rightRecord,
      mergeByKeys: rightKeys,
      created: minutes(1),
    });
    expect(canMerge(left, right)).toBe(merges);
    expect(groupMergeCandidates([left, right], minutes(60))).toHaveLength(merges ? 1 : 2);
  });

  it("skips the normalization subtree when looking for a merge key", () => {
    const left = mergeCandidate({
      record: { streamalert_normalization: { user: "x" }, user: "a" },
    });
    const right = mergeCandidate({ record: { user: "a" } });
    expect(canMerge(left, right)).toBe(true);
  });

  it("leaves a group whose window is still open for a later run", () => {
    const alerts = [
      mergeCandidate({ created: minutes(0) }),
      mergeCandidate({ created: minutes(3) }),
    ];
    expect(groupMergeCandidates(alerts, minutes(9))).toEqual([]);
    expect(groupMergeCandidates(alerts, minutes(10))).toHaveLength(1);
  });

  it("stops at the first alert whose own window is open: closed groups before it are sent", () => {
    const bob = mergeCandidate({ alertId: "bob", record: { user: "bob" }, created: minutes(0) });
    const carol = mergeCandidate({
      alertId: "carol",
      record: { user: "carol" },
      created: minutes(5),
    });
    const bobAgain = mergeCandidate({
      alertId: "bob2",
      record: { user: "bob" },
      created: minutes(6),
    });
    // at 12 min bob's window (0–10) is closed, carol's (5–15) is open; bob2 still joins bob
    expect(ids(groupMergeCandidates([bob, carol, bobAgain], minutes(12)))).toEqual([
      ["bob", "bob2"],
    ]);
  });

  it("never merges alerts that are not merge candidates", () => {
    const plain = mergeCandidate({ mergeWindowMins: 0 });
    expect(canMerge(plain, mergeCandidate())).toBe(false);
    expect(groupMergeCandidates([plain], minutes(60))).toHaveLength(0);
  });
});
